// Outgoing webhooks: per-site endpoints hear of comment.created, comment.approved and
// comment.deleted. Each delivery is an outbox row, so it is retried with backoff like e-mail
// and survives restarts; every HTTP attempt is logged for the console.
//
// Signature (as Stripe's): header `Colloquy-Signature: t=<unix seconds>,v1=<hex>` where hex is
// HMAC-SHA256 with the endpoint's secret over `${t}.${raw body}`. Receivers recompute it,
// compare in constant time and refuse old timestamps (replays).
import { createHmac } from 'node:crypto';
import { badRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { newToken } from '../platform/secrets.ts';
import { enqueue, type Executor } from './outbox.ts';
import type { OutboxRow } from './outbox-store.ts';
import type { EndpointRow, WebhookStore } from './webhook-store.ts';

export const WEBHOOK_EVENTS = ['comment.created', 'comment.approved', 'comment.deleted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const SIGNATURE_HEADER = 'Colloquy-Signature';

export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a webhook row holds: the endpoint and the exact body, fixed when the event happened. */
interface WebhookPayload {
  endpointId: string;
  event: WebhookEvent;
  body: string;
}

const TIMEOUT_MS = 10_000;

export function createWebhooks({ store, now = Date.now }: { store: WebhookStore; now?: () => number }) {
  const publicEndpoint = (row: EndpointRow) => ({
    id: row.id, siteId: row.site_id, url: row.url, events: JSON.parse(row.events) as WebhookEvent[],
    active: row.active === 1, createdAt: new Date(row.created_at).toISOString(),
  });

  return {
    /** Adds an endpoint; the secret is returned this once, for the operator to give the receiver. */
    async add(siteId: string, url: string, events: readonly WebhookEvent[] = WEBHOOK_EVENTS) {
      const parsed = URL.parse(url);
      if (!parsed || !/^https?:$/.test(parsed.protocol)) throw badRequest('invalid_url', 'url must be an http(s) URL', 'url');
      if (!events.length || events.some((e) => !WEBHOOK_EVENTS.includes(e))) throw badRequest('invalid_events', `events must be some of ${WEBHOOK_EVENTS.join(', ')}`, 'events');
      const at = now();
      const row: EndpointRow = { id: newId(at), site_id: siteId, url: parsed.href, secret: `whsec_${newToken(24)}`, events: JSON.stringify(events), active: 1, created_at: at };
      await store.insert(row);
      return { ...publicEndpoint(row), secret: row.secret };
    },

    list: async (siteId: string) => (await store.list(siteId)).map(publicEndpoint),
    remove: (id: string) => store.remove(id),
    setActive: (id: string, active: boolean) => store.setActive(id, active),

    async deliveries(endpointId: string, limit = 50) {
      if (!(await store.find(endpointId))) throw notFound('endpoint_not_found', 'No such webhook endpoint');
      return (await store.deliveries(endpointId, limit)).map((d) => ({
        id: d.id, outboxId: d.outbox_id, event: d.event, statusCode: d.status_code, durationMs: d.duration_ms, error: d.error, at: new Date(d.at).toISOString(),
      }));
    },

    /** Queues the event for every active endpoint of the site that wants it (in `ex`'s transaction). */
    async enqueueFor(ex: Executor, siteId: string, event: WebhookEvent, key: string, data: Record<string, unknown>): Promise<void> {
      const at = now();
      for (const endpoint of await store.active(ex, siteId)) {
        if (!(JSON.parse(endpoint.events) as string[]).includes(event)) continue;
        const body = JSON.stringify({ id: `evt_${newId(at)}`, type: event, createdAt: new Date(at).toISOString(), site: siteId, data });
        const payload: WebhookPayload = { endpointId: endpoint.id, event, body };
        await enqueue(ex, { kind: 'webhook', dedupeKey: `webhook:${endpoint.id}:${event}:${key}`, payload }, at);
      }
    },

    /** The outbox handler: one signed POST; anything but 2xx is retried. */
    async deliver(row: OutboxRow, signal: AbortSignal): Promise<void> {
      const payload = JSON.parse(row.payload) as WebhookPayload;
      const endpoint = await store.find(payload.endpointId);
      // Removed or switched off since: nothing left to deliver to.
      if (!endpoint || !endpoint.active) return;
      const started = now();
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(endpoint.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Colloquy-Webhooks/1',
            'colloquy-event': payload.event,
            // The same on every retry of this delivery: receivers dedupe on it.
            'colloquy-delivery': row.id,
            [SIGNATURE_HEADER.toLowerCase()]: signature(endpoint.secret, Math.floor(now() / 1000), payload.body),
          },
          body: payload.body,
        });
        statusCode = response.status;
        await response.body?.cancel();
        if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      await store.logDelivery({ id: newId(), endpoint_id: endpoint.id, outbox_id: row.id, event: payload.event, status_code: statusCode, duration_ms: now() - started, error, at: started });
      if (error) throw new Error(`webhook to ${endpoint.url}: ${error}`);
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
