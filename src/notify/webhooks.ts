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
import type { OutboxRow, OutboxStore } from './outbox-store.ts';
import type { EndpointRow, WebhookStore } from './webhook-store.ts';

export const WEBHOOK_EVENTS = ['comment.created', 'comment.approved', 'comment.deleted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** What "send test event" delivers: signed like the others, about no comment. */
export const TEST_EVENT = 'webhook.test';

export const SIGNATURE_HEADER = 'Colloquy-Signature';

export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a webhook row holds: the endpoint and the exact body, fixed when the event happened. */
interface WebhookPayload {
  endpointId: string;
  event: WebhookEvent | typeof TEST_EVENT;
  body: string;
}

const TIMEOUT_MS = 10_000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface WebhookOptions {
  /** Where test events are queued. */
  db: Executor;
  store: WebhookStore;
  outbox: OutboxStore;
  /** Outside production, plain http to this machine is allowed (a receiver under development). */
  allowLocalHttp?: boolean;
  now?: () => number;
}

const newSecret = () => `whsec_${newToken(24)}`;

export function createWebhooks({ db, store, outbox, allowLocalHttp = false, now = Date.now }: WebhookOptions) {
  const publicEndpoint = (row: EndpointRow) => ({
    id: row.id, siteId: row.site_id, url: row.url, events: JSON.parse(row.events) as WebhookEvent[],
    active: row.active === 1, createdAt: new Date(row.created_at).toISOString(),
  });

  /** https only; http to localhost when allowed. Returns the URL as it will be called. */
  function checkUrl(url: string): string {
    const parsed = URL.parse(url);
    const local = parsed?.protocol === 'http:' && allowLocalHttp && (LOCAL_HOSTS.has(parsed.hostname) || parsed.hostname.endsWith('.localhost'));
    if (!parsed || (parsed.protocol !== 'https:' && !local) || parsed.username || parsed.password) {
      throw badRequest('invalid_url', allowLocalHttp ? 'url must be an https URL (or http to localhost)' : 'url must be an https URL', 'url');
    }
    return parsed.href;
  }

  function checkEvents(events: readonly string[]): string {
    if (!events.length || events.some((e) => !WEBHOOK_EVENTS.includes(e as WebhookEvent)) || new Set(events).size !== events.length) {
      throw badRequest('invalid_events', `events must be some of ${WEBHOOK_EVENTS.join(', ')}, each once`, 'events');
    }
    return JSON.stringify(events);
  }

  async function endpoint(id: string): Promise<EndpointRow> {
    const row = await store.find(id);
    if (!row) throw notFound('endpoint_not_found', 'No such webhook endpoint');
    return row;
  }

  return {
    /** Adds an endpoint; the secret is returned this once, for the operator to give the receiver. */
    async add(siteId: string, url: string, events: readonly WebhookEvent[] = WEBHOOK_EVENTS) {
      const at = now();
      const row: EndpointRow = { id: newId(at), site_id: siteId, url: checkUrl(url), secret: newSecret(), events: checkEvents(events), active: 1, created_at: at };
      await store.insert(row);
      return { ...publicEndpoint(row), secret: row.secret };
    },

    /** The endpoint (without its secret); 404 when there is none. */
    find: async (id: string) => publicEndpoint(await endpoint(id)),
    list: async (siteId: string) => (await store.list(siteId)).map(publicEndpoint),
    remove: (id: string) => store.remove(id),
    setActive: (id: string, active: boolean) => store.setActive(id, active),

    async update(id: string, changes: { url?: string; events?: readonly WebhookEvent[]; active?: boolean }) {
      await endpoint(id);
      const set = {
        ...(changes.url !== undefined && { url: checkUrl(changes.url) }),
        ...(changes.events !== undefined && { events: checkEvents(changes.events) }),
        ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      };
      if (!Object.keys(set).length) throw badRequest('nothing_to_change', 'Send url, events or active');
      await store.update(id, set);
      return publicEndpoint(await endpoint(id));
    },

    /** A new secret, returned this once; deliveries from now on are signed with it. */
    async rotateSecret(id: string) {
      await endpoint(id);
      const secret = newSecret();
      await store.update(id, { secret });
      return { ...publicEndpoint(await endpoint(id)), secret };
    },

    /** Queues a signed test event to the endpoint, whatever events it chose; returns its outbox id. */
    async sendTest(id: string): Promise<string> {
      const row = await endpoint(id);
      const at = now();
      const eventId = newId(at);
      const body = JSON.stringify({ id: `evt_${eventId}`, type: TEST_EVENT, createdAt: new Date(at).toISOString(), site: row.site_id, data: {} });
      const payload: WebhookPayload = { endpointId: id, event: TEST_EVENT, body };
      const key = `webhook:${id}:${TEST_EVENT}:${eventId}`;
      await enqueue(db, { kind: 'webhook', dedupeKey: key, payload }, at);
      return (await outbox.byKey(key))!.id;
    },

    /** Each delivery to the endpoint, newest first: where it stands and its last HTTP attempt. */
    async log(id: string, limit = 50) {
      await endpoint(id);
      const rows = await outbox.forEndpoint(id, limit);
      const last = await store.lastAttempts(rows.map((r) => r.id));
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      return rows.map((row) => {
        const attempt = last.get(row.id);
        const state = row.sent_at !== null ? 'delivered' : row.failed_at !== null ? 'failed' : 'pending';
        return {
          id: row.id, event: (JSON.parse(row.payload) as WebhookPayload).event, state, attempts: row.attempts,
          statusCode: attempt?.status_code ?? null, lastError: row.last_error, createdAt: iso(row.created_at),
          lastAttemptAt: iso(attempt?.at ?? null), nextRetryAt: state === 'pending' ? iso(row.next_attempt_at) : null,
        };
      });
    },

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
