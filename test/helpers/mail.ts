// Helpers for suites that follow e-mail through a real server: wait until the outbox is
// drained (so "no e-mail arrived" means something), and open e-mailed links on the server
// under test (links carry PUBLIC_URL, which a test server on a random port cannot know).
import type { TestServer } from './server.ts';
import type { Received } from './smtp.ts';

export async function drained(server: TestServer, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 3) {
    if (Date.now() > until) throw new Error('the outbox did not drain');
    server.app.notify.worker.wake();
    quiet = (await server.app.notify.outbox.pending()) === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** The link as a URL on the test server. */
export function onServer(server: TestServer, link: string): string {
  const url = new URL(link);
  return server.url + url.pathname + url.search;
}

export function linkTo(message: Received, path: string): string {
  const link = message.links.find((l) => l.includes(path));
  if (!link) throw new Error(`no ${path} link in "${message.subject}": ${message.text}`);
  return link;
}

/** The URL inside List-Unsubscribe: <…>. */
export function listUnsubscribe(message: Received): string {
  const match = /^<([^>]+)>$/.exec(message.header('List-Unsubscribe') ?? '');
  if (!match) throw new Error(`no List-Unsubscribe in "${message.subject}"`);
  return match[1];
}

export function oneClick(server: TestServer, link: string, headers: Record<string, string> = {}) {
  return fetch(onServer(server, link), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: 'List-Unsubscribe=One-Click',
  });
}
