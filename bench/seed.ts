// Seeds the benchmark data through the public API only, as readers' browsers would:
// every comment is a POST /api/v1/comments and every vote a PUT .../vote, each carrying its
// own X-Colloquy-Visitor token. Deterministic text and tree shape for a given seed.
import { seededRandom } from '../test/helpers/random.ts';

export const SITE = 'demo';

/** Mulberry32: a tiny seeded PRNG, so two runs build the same shapes (the tests' own). */
export const random = seededRandom;

/** A valid visitor token (16-128 base64url characters), distinct for each (kind, n). */
export const visitor = (kind: string, n: number) => `bench_${kind}_${n.toString(36).padStart(10, '0')}`;

const WORDS = ('the council vote on the river bridge was delayed again because residents asked for a second ' +
  'survey of the flood plain and several readers wrote that the new timetable ignores shift workers while ' +
  'others thanked the reporter for the careful numbers on cost maintenance and traffic').split(' ');

/** A reader's comment: a few sentences, sometimes with Markdown emphasis, a link, a quote or a list. */
export function commentText(rng: () => number, n: number): string {
  const sentence = () => {
    const words = Array.from({ length: 6 + Math.floor(rng() * 14) }, () => WORDS[Math.floor(rng() * WORDS.length)]);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return words.join(' ') + '.';
  };
  const paragraphs = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => Array.from({ length: 1 + Math.floor(rng() * 3) }, sentence).join(' '));
  const extra = rng();
  if (extra < 0.15) paragraphs.push(`See [the minutes](https://example.org/minutes/${n}) and **page ${n % 40}**.`);
  else if (extra < 0.25) paragraphs.unshift(`> ${sentence()}`);
  else if (extra < 0.3) paragraphs.push(`- ${sentence()}\n- ${sentence()}`);
  return `${paragraphs.join('\n\n')} (#${n})`;
}

/**
 * A distinct client address for the n-th request. The server runs with TRUST_PROXY=true, as
 * behind a reverse proxy, so its per-IP flood limits see many readers, not one load generator.
 */
export const clientIp = (range: number, n: number) => `10.${range}.${(n >> 8) & 255}.${n & 255}`;
let requests = 0;

export async function api<T = unknown>(base: string, method: string, path: string, body: unknown, visitorToken: string): Promise<T> {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', 'x-colloquy-visitor': visitorToken, 'x-forwarded-for': clientIp(1 + ((requests >> 16) % 100), requests++) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Runs task(0..count-1) with at most `concurrency` in flight, in index order. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await task(next++);
  }));
}

export interface ThreadSpec {
  page: string;
  comments: number;
  roots: number;
  votes: number;
  concurrency: number;
  seed: number;
}

export interface SeededThread {
  page: string;
  comments: number;
  roots: number;
  votes: number;
  /** Comments at each depth (0 = top level); the server caps depth at the site's maxDepth. */
  depths: number[];
  /** Replies that went past maxDepth and were placed at the deepest level with replyTo. */
  flattened: number;
  seconds: number;
}

interface Created {
  comment: { id: string; depth: number; replyTo: unknown };
  status: string;
}

/**
 * A thread of `comments` comments: the first `roots` top-level, the rest replies to earlier
 * comments (half to one of the 30 most recent, which builds deep chains; half to any), then
 * `votes` votes from a pool of 2,000 voters, skewed so a few top-level comments lead.
 * Comments go in waves of 8 × concurrency, each replying only to earlier waves, so the shape
 * of the tree depends on the seed alone, not on the order in which requests complete.
 */
export async function seedThread(base: string, spec: ThreadSpec): Promise<SeededThread> {
  const started = performance.now();
  const rng = random(spec.seed);
  // The moderation pipeline runs on every post, as in production; the few generated comments
  // it holds are left out of the tree (no replies, no votes), as a held comment would be.
  const created: { id: string; depth: number; listed: boolean }[] = [];
  const depths: number[] = [];
  let flattened = 0;
  const wave = 8 * spec.concurrency;
  for (let start = 0; start < spec.comments; start += wave) {
    const known = start; // comments of earlier waves, all created by now
    await pool(Math.min(wave, spec.comments - start), spec.concurrency, async (k) => {
      const i = start + k;
      let parentIndex: number | undefined;
      if (i >= spec.roots && known > 0) {
        const from = rng() < 0.5 ? Math.max(0, known - 30) : 0;
        parentIndex = from + Math.floor(rng() * (known - from));
      }
      const parent = parentIndex === undefined ? undefined : created[parentIndex];
      const parentId = parent?.listed ? parent.id : undefined;
      const body = { site: SITE, page: spec.page, title: `Bench thread ${spec.page}`, parentId, author: { name: `Reader ${i % 700}` }, body: commentText(rng, i) };
      const { comment, status } = await api<Created>(base, 'POST', '/api/v1/comments', body, visitor(`author${spec.seed}`, i));
      created[i] = { id: comment.id, depth: comment.depth, listed: status === 'approved' };
      depths[comment.depth] = (depths[comment.depth] ?? 0) + 1;
      if (comment.replyTo && parentId) flattened++;
    });
  }

  const listed = created.filter((c) => c.listed);
  const roots = listed.filter((c) => c.depth === 0).map((c) => c.id);
  const replies = listed.filter((c) => c.depth > 0).map((c) => c.id);
  for (let i = roots.length - 1; i > 0; i--) { // shuffle: popularity unrelated to age
    const j = Math.floor(rng() * (i + 1));
    [roots[i], roots[j]] = [roots[j], roots[i]];
  }
  await pool(spec.votes, spec.concurrency, async () => {
    const onRoot = rng() < 0.8 || replies.length === 0;
    const id = onRoot ? roots[Math.floor(roots.length * rng() ** 3)] : replies[Math.floor(rng() * replies.length)];
    const value = rng() < 0.78 ? 1 : -1;
    await api(base, 'PUT', `/api/v1/comments/${id}/vote`, { value }, visitor('voter', Math.floor(rng() * 2000)));
  });
  return {
    page: spec.page, comments: listed.length, roots: roots.length, votes: spec.votes,
    depths: Array.from(depths, (n) => n ?? 0), flattened, seconds: (performance.now() - started) / 1000,
  };
}

/** `count` small pages of 1 to 5 comments each, for the counts route. Returns their keys. */
export async function seedSmallPages(base: string, count: number): Promise<string[]> {
  const rng = random(7);
  const pages = Array.from({ length: count }, (_, i) => `bench/counts/article-${String(i + 1).padStart(2, '0')}`);
  const jobs = pages.flatMap((page, p) => Array.from({ length: 1 + (p % 5) }, (_, k) => ({ page, k })));
  await pool(jobs.length, 8, async (i) => {
    const { page, k } = jobs[i];
    await api(base, 'POST', '/api/v1/comments', { site: SITE, page, author: { name: `Reader ${k}` }, body: commentText(rng, i) }, visitor('small', i));
  });
  return pages;
}
