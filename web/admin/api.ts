// The admin API client (docs/ADMIN-API.md): JSON over fetch with the session cookie, the CSRF
// header on every state-changing request, typed errors carrying `field` and `Retry-After`.
import { t } from './i18n/t.ts';
import type {
  AdminComment, AuditEntry, AuditFilter, AuthorHistory, Ban, BanRequest, BulkResult, Action, Identity, JsonObject, Preview,
  QueueName, Session, SettingsDoc, Site, InlineQuestion, ArticleEntry,
} from './types.ts';
import type { AlertChoice, Delivery, Endpoint, OutboxItem, OutboxOverview, SiteAlerts } from './notifyTypes.ts';
import type { Campaign, CampaignFields, DailyTotals, LedgerEntry, LedgerFilter, ManualEntry, WebhookStatus } from './support/types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Seconds, from Retry-After on a 429. */
  readonly retryAfter: number | undefined;
  constructor(status: number, code: string, message: string, field?: string, retryAfter?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;
const SAFE = new Set(['GET', 'HEAD']);
const ROOT = '/api/v1/admin';

function cookie(name: string): string {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return '';
}

export function query(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v != null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface AdminApiOptions {
  /** Called when a request other than sign-in answers 401: the session ended. */
  onSignedOut?: () => void;
}

export function createAdminApi(options: AdminApiOptions = {}) {
  let csrf = '';

  async function request<T>(method: string, path: string, q?: Query, body?: unknown, root = ROOT): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (!SAFE.has(method)) headers['X-CSRF-Token'] = csrf || cookie('colloquy_csrf');
    let res: Response;
    try {
      res = await fetch(`${root}${path}${query(q)}`, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', t('errorNetwork'));
    }
    if (res.status === 204) return undefined as T;
    const data = (await res.json().catch(() => null)) as (T & { error?: { code?: string; message?: string; field?: string } }) | null;
    if (!res.ok || !data) {
      const e = data?.error;
      const retry = Number.parseInt(res.headers.get('Retry-After') ?? '', 10);
      const error = new ApiError(res.status, e?.code ?? 'http', e?.message ?? t('errorGeneric'), e?.field, Number.isFinite(retry) ? retry : undefined);
      if (res.status === 401 && path !== '/session' && path !== '/me') options.onSignedOut?.();
      throw error;
    }
    return data;
  }

  const enc = encodeURIComponent;
  const remember = (s: Session): Session => {
    csrf = s.csrfToken;
    return s;
  };

  return {
    signIn: async (email: string, password: string) => remember(await request<Session>('POST', '/session', undefined, { email, password })),
    me: async () => remember(await request<Session>('GET', '/me')),
    signOut: async () => {
      await request<void>('DELETE', '/session');
      csrf = '';
    },
    sites: () => request<{ sites: Site[] }>('GET', '/sites'),
    counts: (site: string) => request<{ counts: Partial<Record<QueueName, number>> }>('GET', '/queues', { site }),
    queue: (site: string, queue: QueueName, cursor?: string | null, limit = 50) =>
      request<{ comments: AdminComment[]; nextCursor: string | null }>('GET', `/queues/${enc(queue)}`, { site, cursor, limit }),
    comment: (id: string) => request<{ comment: AdminComment }>('GET', `/comments/${enc(id)}`),
    moderate: (id: string, action: Action, note?: string | null) =>
      request<{ comment: AdminComment }>('POST', `/comments/${enc(id)}/moderate`, undefined, { action, note: note ?? null }),
    bulk: (site: string, ids: string[], action: Action) =>
      request<{ results: BulkResult[] }>('POST', '/comments/bulk', undefined, { site, ids, action, note: null }),
    ban: (id: string, ban: BanRequest) =>
      request<{ bans: Ban[]; comment: AdminComment }>('POST', `/comments/${enc(id)}/ban`, undefined, ban),
    resolveReports: (id: string, resolution: 'upheld' | 'dismissed') =>
      request<{ resolved: number; comment: AdminComment }>('POST', `/comments/${enc(id)}/reports/resolve`, undefined, { resolution, note: null }),
    author: (id: string, cursor?: string | null) =>
      request<AuthorHistory>('GET', `/comments/${enc(id)}/author`, { cursor, limit: 20 }),
    sockpuppets: (id: string) => request<{ identities: Identity[] }>('GET', `/comments/${enc(id)}/sockpuppets`),
    bans: (site: string, active: boolean, cursor?: string | null) =>
      request<{ bans: Ban[]; nextCursor: string | null }>('GET', '/bans', { site, active, cursor, limit: 50 }),
    createBan: (ban: { site: string; kind: string; value: string; mode: string; durationSeconds: number | null; reason: string; label?: string }) =>
      request<{ ban: Ban }>('POST', '/bans', undefined, ban),
    liftBan: (id: string) => request<{ ban: Ban }>('DELETE', `/bans/${enc(id)}`),
    settings: (site: string) => request<SettingsDoc>('GET', `/sites/${enc(site)}/settings`),
    saveSettings: (site: string, version: number, settings: JsonObject) =>
      request<SettingsDoc>('PUT', `/sites/${enc(site)}/settings`, undefined, { version, settings }),
    audit: (site: string, filter: AuditFilter, cursor?: string | null) =>
      request<{ entries: AuditEntry[]; nextCursor: string | null }>('GET', '/audit', { site, ...filter, cursor, limit: 50 }),
    preview: (site: string, text: string) => request<Preview>('POST', '/moderation/preview', undefined, { site, text }),
    myAlerts: () => request<{ alerts: SiteAlerts[] }>('GET', '/me/alerts'),
    saveAlerts: (site: string, choice: AlertChoice) => request<{ alert: SiteAlerts }>('PUT', `/me/alerts/${enc(site)}`, undefined, choice),
    webhooks: (site: string) => request<{ endpoints: Endpoint[]; events: string[] }>('GET', '/webhooks', { site }),
    createWebhook: (site: string, url: string, events: string[]) =>
      request<{ endpoint: Endpoint; secret: string }>('POST', '/webhooks', undefined, { site, url, events }),
    updateWebhook: (id: string, changes: { url?: string; events?: string[]; active?: boolean }) =>
      request<{ endpoint: Endpoint }>('PATCH', `/webhooks/${enc(id)}`, undefined, changes),
    rotateWebhookSecret: (id: string) => request<{ endpoint: Endpoint; secret: string }>('POST', `/webhooks/${enc(id)}/secret`),
    removeWebhook: (id: string) => request<void>('DELETE', `/webhooks/${enc(id)}`),
    deliveries: (id: string) => request<{ deliveries: Delivery[] }>('GET', `/webhooks/${enc(id)}/deliveries`),
    testWebhook: (id: string) => request<{ deliveryId: string }>('POST', `/webhooks/${enc(id)}/test`),
    outbox: () => request<OutboxOverview>('GET', '/outbox'),
    retryOutbox: (id: string) => request<{ item: OutboxItem }>('POST', `/outbox/${enc(id)}/retry`),
    // Reader support (docs/ADMIN-API.md §13).
    campaigns: (site: string) => request<{ campaigns: Campaign[] }>('GET', '/support/campaigns', { site }),
    createCampaign: (site: string, fields: CampaignFields) => request<{ campaign: Campaign }>('POST', '/support/campaigns', undefined, { site, ...fields }),
    updateCampaign: (id: string, fields: Partial<CampaignFields>) => request<{ campaign: Campaign }>('PATCH', `/support/campaigns/${enc(id)}`, undefined, fields),
    previewCampaign: (site: string, fields: CampaignFields) => request<{ campaign: Campaign }>('POST', '/support/preview', undefined, { site, ...fields }),
    ledger: (site: string, filter: LedgerFilter, cursor?: string | null) =>
      request<{ entries: LedgerEntry[]; nextCursor: string | null }>('GET', '/support/ledger', { site, ...filter, cursor, limit: 50 }),
    /** The CSV export's address (a download the browser fetches with the session cookie). */
    ledgerCsvUrl: (site: string, filter: LedgerFilter) => `${ROOT}/support/ledger.csv${query({ site, ...filter })}`,
    dailyTotals: (campaign: string, from?: string, to?: string) => request<DailyTotals>('GET', '/support/totals/daily', { campaign, from, to }),
    addEntry: (campaign: string, entry: ManualEntry) => request<{ entry: LedgerEntry }>('POST', `/support/campaigns/${enc(campaign)}/entries`, undefined, entry),
    webhookStatus: (site: string) => request<WebhookStatus>('GET', '/support/webhooks', { site }),
    articles: (site: string) => request<{ articles: ArticleEntry[] }>('GET', '/inline/articles', { site }),
    article: (site: string, url: string) => request<{ url: string; html: string }>('GET', '/inline/article', { site, url }),
    questions: (site: string, page: string, cursor?: string | null) =>
      request<{ questions: InlineQuestion[]; nextCursor: string | null }>('GET', '/inline/questions', { site, page, cursor, limit: 50 }),
    placeQuestion: (q: { site: string; page: string; url: string; question: string; anchor: InlineQuestion['anchor'] }) =>
      request<{ question: InlineQuestion }>('POST', '/inline/questions', undefined, q),
    editQuestion: (id: string, question: string) => request<{ question: InlineQuestion }>('PATCH', `/inline/questions/${enc(id)}`, undefined, { question }),
    removeQuestion: (id: string) => request<{ question: InlineQuestion }>('DELETE', `/inline/questions/${enc(id)}`),
    /** The development mailbox (another module's route); any error means "not available". */
    mailbox: () => request<unknown>('GET', '/mailbox', undefined, undefined, '/api/v1/dev'),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
