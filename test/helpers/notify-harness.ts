// The comments and notify modules wired as app.ts wires them, without HTTP, on a fresh SQLite
// database and a real SMTP server, with a clock the test moves (forward from now: outbox rows
// are stamped with real time) and a moderation hook the test sets. For flows HTTP cannot
// reach yet: held comments approved later, digests a day later, retry timing.
import { createCommentModeration } from '../../src/comments/moderation.ts';
import { createCommentService, type Actor, type CommentService } from '../../src/comments/service.ts';
import { createCommentStore } from '../../src/comments/store.ts';
import type { Verdict } from '../../src/comments/verdict.ts';
import { createNotify, type Notify } from '../../src/notify/index.ts';
import type { WorkerOptions } from '../../src/notify/worker.ts';
import { createLocalBus } from '../../src/platform/bus.ts';
import { openDatabase, type OpenDatabase } from '../../src/platform/db.ts';
import { createSiteService, type SiteService } from '../../src/sites/service.ts';
import { createSiteStore } from '../../src/sites/store.ts';
import { createAlertStore } from '../../src/staff/alert-store.ts';
import { createStaffAlerts } from '../../src/staff/alerts.ts';
import { sqliteDatabase, type TestDatabase } from './databases.ts';
import type { SmtpSink } from './smtp.ts';

export const SECRET = 'test-secret-that-is-at-least-32-characters-long';
const day = 86_400_000;

export interface Harness {
  open: OpenDatabase;
  notify: Notify;
  comments: CommentService;
  moderation: ReturnType<typeof createCommentModeration>;
  sites: SiteService;
  /** What the moderation hook answers for the next comments. */
  verdict: Verdict;
  /** Moves the clock `days` forward. */
  advance(days: number): void;
  now(): number;
  post(input: { page: string; name: string; email?: string; body?: string; parentId?: string; visitor?: string; notify?: 'none' | 'thread' | 'replies' | 'both' }): ReturnType<CommentService['create']>;
  /** Subscribes an address as a signed-in reader would: no confirmation e-mail. */
  subscribe(email: string, page: string, kind: 'thread' | 'replies', mode?: 'immediate' | 'digest', chain?: boolean): Promise<void>;
  /** Waits until nothing is left to send. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(sink: SmtpSink | null, worker: Partial<WorkerOptions> = {}): Promise<Harness> {
  const database: TestDatabase = sqliteDatabase();
  const open = await openDatabase(database.url);
  const bus = createLocalBus((error) => console.error(error));
  const sites = createSiteService(createSiteStore(open.db));
  await sites.ensure('demo', 'The Riverside Courier', ['*']);
  let offset = 0;
  const now = () => Date.now() + offset;
  const store = createCommentStore(open.db);
  const silent = { info() {}, warn() {}, error() {} };
  const notify = createNotify({
    db: open.db, engine: open.engine, bus, sites, comments: store, staff: createStaffAlerts({ store: createAlertStore(open.db), now }), log: silent, now,
    config: { secret: SECRET, smtpUrl: sink?.url ?? null, mailFrom: 'News Desk <news@courier.example>', publicUrl: 'https://comments.courier.example', outboxLeaseSeconds: 10, outboxRetrySeconds: 1 },
    worker: { pollMs: 10, ...worker },
  });
  const harness: Harness = {
    open, notify, sites,
    verdict: { status: 'approved' },
    comments: undefined as unknown as CommentService,
    moderation: createCommentModeration({ store, moderationStore: {} as never, bus, effects: notify.effects, now }),
    advance: (days) => void (offset += days * day),
    now,
    async post(input) {
      const actor: Actor = { visitorKey: input.visitor ?? `visitor-${input.name}-0000000000`, ipHash: null };
      const site = await sites.require('demo');
      return harness.comments.create(site, { site: 'demo', page: input.page, author: { name: input.name, email: input.email }, body: input.body ?? `${input.name} writes`, parentId: input.parentId, notify: input.notify, url: 'https://publisher.example/article' }, actor);
    },
    async subscribe(email, page, kind, mode = 'immediate', chain = false) {
      await notify.subscriptions.subscribe(open.db, { site: await sites.require('demo'), page, email, kinds: [kind], mode, chain, verified: true });
    },
    async drained() {
      let quiet = 0;
      for (let i = 0; quiet < 3; i++) {
        if (i > 500) throw new Error('the outbox did not drain');
        notify.worker.wake();
        quiet = (await notify.outbox.pending()) === 0 ? quiet + 1 : 0;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      await notify.close();
      await open.close();
      await database.drop();
    },
  };
  harness.comments = createCommentService({ store, sites, bus, effects: notify.effects, moderate: async () => harness.verdict, now });
  notify.start();
  return harness;
}
