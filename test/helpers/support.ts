// Shared set-up for the support suites: a server with Stripe pointed at the local fake, the
// admin token, and small calls for campaigns and totals.
import { after, before } from 'node:test';
import type { ENGINES, TestDatabase } from './databases.ts';
import { startServer, type TestServer } from './server.ts';
import { startStripeFake, stripeEnv, type StripeFake } from './stripe-fake.ts';
import { webhookClient } from './stripe-events.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export interface SupportHarness {
  server: TestServer;
  databaseUrl: string;
  stripe: StripeFake;
  webhook: ReturnType<typeof webhookClient>;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any; text: string }>;
  /** A fresh campaign of the demo site that leaves the others active. */
  campaign(fields?: Record<string, unknown>): Promise<{ id: string }>;
  totals(id: string): Promise<{ raised: number; donors: number }>;
}

export function useSupportServer(engine: (typeof ENGINES)[number], env: Record<string, string> = {}): SupportHarness {
  const h = {} as SupportHarness;
  let database: TestDatabase;
  before(async () => {
    database = await engine.create();
    h.databaseUrl = database.url;
    h.stripe = await startStripeFake();
    h.server = await startServer({ ...stripeEnv(h.stripe), SUPPORT_ADMIN_TOKEN: ADMIN_TOKEN, ...env }, database);
    h.webhook = webhookClient(h.server.url);
    h.call = async (method, path, body, headers = {}) => {
      const res = await fetch(h.server.url + path, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
      });
      const text = await res.text();
      const json = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
      return { status: res.status, headers: res.headers, body: json, text };
    };
    h.campaign = async (fields = {}) => {
      const res = await h.call('POST', '/api/v1/admin/support/campaigns', { site: 'demo', title: 'Test drive', currency: 'USD', goal: 500_000, exclusive: false, thankYou: 'Thanks!', ...fields }, admin);
      if (res.status !== 201) throw new Error(`campaign: ${res.status} ${res.text}`);
      return res.body.campaign;
    };
    h.totals = async (id) => {
      const res = await h.call('GET', `/api/v1/admin/support/campaigns/${id}`, undefined, admin);
      if (res.status !== 200) throw new Error(`totals: ${res.status} ${res.text}`);
      return res.body.campaign;
    };
  });
  after(async () => {
    await h.server?.stop();
    await h.stripe?.close();
    await database?.drop();
  });
  return h;
}
