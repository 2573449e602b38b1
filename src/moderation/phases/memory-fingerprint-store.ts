// The duplicates phase's store for one process: the most recent comments' fingerprints in a
// ring of fixed size, indexed by hash chains (as a compressor finds earlier matches), all in
// typed arrays. Nothing per comment lives on the JavaScript heap but its id and author keys, so
// a busy server's collector has almost nothing to walk or move here, and a lookup reads a few
// contiguous blocks instead of chasing objects through maps of 200,000 keys.
//
// Each entry has up to KEYS index keys (its LSH bands, then its author identities). A key
// hashes to a bucket; the bucket holds the newest node with that hash, and each node links to
// the previous one, with the stamp its entry had then; a walk stops at the first node whose
// slot the ring has since reused (the stamps differ): every node after it is older still.
import type { CandidateQuery, FingerprintEntry, FingerprintStore, StoredFingerprint } from './duplicate-store.ts';
import { slabSpace } from '../slab.ts';
import { BANDS, SLOTS, mix, slotSimilarityAtLeast } from './fingerprint.ts';

export interface MemoryStoreOptions {
  /** Most entries kept; the oldest go first. */
  maxEntries?: number;
  /** Entries older than this are not found (ms); windows longer than it see less. */
  retentionMs?: number;
  /** Most entries taken per band and per author key (the newest): bounds the work per comment
   * even when a campaign posts thousands of copies (a few dozen show it is one). */
  perKey?: number;
  now?: () => number;
}

/** identityKeys() gives at most four keys that name one author (account, e-mail, visitor, IP). */
const AUTHOR_KEYS = 4;
const KEYS = BANDS + AUTHOR_KEYS;
/** A node's fields: the next node plus one, that node's entry's stamp, the key. */
const NODE = 3;
const [NEXT, NEXT_STAMP, KEY] = [0, 1, 2];
/** A slot's fields: its entry's stamp (0: empty), site number, replaced by an edit (0/1), the
 * candidates() call that last took it (an entry under several keys is taken once), time,
 * length, and a hash of its exact text (so most comparisons need not read the string). */
const SLOT = 7;
const [STAMP, SITE, REPLACED, TAKEN, AT, LENGTH, EXACT] = [0, 1, 2, 3, 4, 5, 6];

/** FNV-1a of a string, for author keys' buckets (the key itself is compared on a match). */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Answers at once (no I/O), so its methods are synchronous. */
export interface MemoryFingerprintStore extends FingerprintStore {
  candidates(query: CandidateQuery): StoredFingerprint[];
  add(entry: FingerprintEntry, keepMs: number): void;
  /** Entries that would still be found (for tests and diagnostics; walks the whole ring). */
  size(): number;
}

/** Bounded in-memory store: one process's recent comments; forgotten on restart. */
export function createMemoryFingerprintStore(options: MemoryStoreOptions = {}): MemoryFingerprintStore {
  const { maxEntries = 10_000, retentionMs = 2 * 24 * 60 * 60 * 1000, perKey = 64, now = Date.now } = options;
  const capacity = Math.max(1, maxEntries);
  // Typed arrays start zeroed and the OS commits their pages only when written: an idle store
  // costs nothing. A node is one key of one entry, numbered slot × KEYS + k; it holds the next
  // (older) node of its bucket plus one (0: none), the stamp that node's entry had when linked,
  // and its key. A slot whose stamp has changed since was reused. What a walk reads of a node
  // and of its slot sits together (a cache miss each), and the numbers are int32 where they
  // can be (doubles would make every step a floating-point division).
  const buckets = 2 ** Math.ceil(Math.log2(capacity * KEYS));
  const heads = new Int32Array(buckets * 2);
  const nodes = new Int32Array(capacity * KEYS * NODE);
  const slots = new Float64Array(capacity * SLOT);
  const minhashes = new Uint32Array(capacity * SLOTS);
  const commentIds: string[] = new Array(capacity).fill('');
  const exacts: string[] = new Array(capacity).fill('');
  const authorKeys: string[][] = new Array(capacity).fill([]);
  const siteIds = new Map<string, number>();
  const siteNames: string[] = [];
  /** Where each stored comment is ("site\0id" → slot and stamp), for an edit to replace its entry. */
  const slotOfComment = new Map<string, { slot: number; stamp: number }>();
  let added = 0;
  let calls = 0;

  const siteNumber = (siteId: string) => {
    let n = siteIds.get(siteId);
    if (n === undefined) siteIds.set(siteId, (n = siteNames.push(siteId) - 1));
    return n;
  };
  const bucketOf = (key: number, siteNo: number) => mix(Math.imul(key ^ 0x27d4eb2d, 0x165667b1) ^ siteNo) & (buckets - 1);

  function link(slot: number, stamp: number, k: number, key: number, siteNo: number): void {
    const node = slot * KEYS + k;
    const bucket = bucketOf(key, siteNo);
    nodes[node * NODE + NEXT] = heads[2 * bucket];
    nodes[node * NODE + NEXT_STAMP] = heads[2 * bucket + 1];
    nodes[node * NODE + KEY] = key;
    heads[2 * bucket] = node + 1;
    heads[2 * bucket + 1] = stamp;
  }

  /** Calls `visit(slot)` for the newest entries (at most perKey) indexed under band `key`, or
   * under the author key `author` when given (`key` is then its hash). */
  function walk(key: number, siteNo: number, author: string | null, visit: (slot: number) => void): void {
    const bucket = bucketOf(key, siteNo);
    let stored = heads[2 * bucket];
    let stamp = heads[2 * bucket + 1];
    for (let taken = 0; stored !== 0 && taken < perKey; ) {
      const node = stored - 1;
      const slot = (node / KEYS) | 0;
      const meta = slot * SLOT;
      // Reused since: this node and every older one after it are gone.
      if (slots[meta + STAMP] !== stamp) return;
      const k = node - slot * KEYS;
      const kind = author === null ? k < BANDS : k >= BANDS && authorKeys[slot][k - BANDS] === author;
      if (kind && nodes[node * NODE + KEY] === key && slots[meta + SITE] === siteNo && !slots[meta + REPLACED]) {
        taken++;
        visit(slot);
      }
      stored = nodes[node * NODE + NEXT];
      stamp = nodes[node * NODE + NEXT_STAMP];
    }
  }

  function entryAt(slot: number): StoredFingerprint {
    const meta = slot * SLOT;
    // A copy (the slot may be reused), carved from a slab rather than a backing store of its own.
    const [buffer, at] = slabSpace(4 * SLOTS);
    const minhash = new Uint32Array(buffer, at, SLOTS);
    minhash.set(minhashes.subarray(slot * SLOTS, (slot + 1) * SLOTS));
    return {
      commentId: commentIds[slot], siteId: siteNames[slots[meta + SITE]], at: slots[meta + AT], authorKeys: authorKeys[slot],
      exact: exacts[slot], minhash, length: slots[meta + LENGTH],
    };
  }

  /** As similar as the query asks, if it asks (exactly equal texts always are). */
  function near(slot: number, like: CandidateQuery['like'], exactHash: number): boolean {
    if (!like || (slots[slot * SLOT + EXACT] === exactHash && exacts[slot] === like.exact)) return true;
    return slotSimilarityAtLeast(minhashes, slot * SLOTS, like.minhash, 0, like.similarity) >= 0;
  }

  function evict(slot: number): void {
    const stamp = slots[slot * SLOT + STAMP];
    if (stamp === 0) return;
    const key = `${siteNames[slots[slot * SLOT + SITE]]}\0${commentIds[slot]}`;
    if (slotOfComment.get(key)?.stamp === stamp) slotOfComment.delete(key);
  }

  return {
    candidates(query) {
      const siteNo = siteIds.get(query.siteId);
      if (siteNo === undefined) return [];
      const call = ++calls;
      const since = Math.max(query.since, now() - retentionMs);
      const found: StoredFingerprint[] = [];
      const exactHash = query.like ? hashString(query.like.exact) : 0;
      const take = (slot: number) => {
        const meta = slot * SLOT;
        if (slots[meta + TAKEN] === call || slots[meta + AT] < since) return;
        slots[meta + TAKEN] = call;
        if (near(slot, query.like, exactHash)) found.push(entryAt(slot));
      };
      for (let b = 0; b < query.bands.length; b++) walk(query.bands[b], siteNo, null, take);
      for (const author of query.authorKeys) {
        walk(hashString(author) | 0, siteNo, author, take);
      }
      return found;
    },

    add(entry) {
      const siteNo = siteNumber(entry.siteId);
      const commentKey = `${entry.siteId}\0${entry.commentId}`;
      const earlier = slotOfComment.get(commentKey);
      if (earlier && slots[earlier.slot * SLOT + STAMP] === earlier.stamp) slots[earlier.slot * SLOT + REPLACED] = 1;
      const slot = added % capacity;
      // 1 … 2^31 − 1, wrapping: a slot is reused every `capacity` adds, long before its stamp recurs.
      const stamp = (added % 0x7fffffff) + 1;
      added++;
      evict(slot);
      const meta = slot * SLOT;
      slots[meta + STAMP] = stamp;
      slots[meta + SITE] = siteNo;
      slots[meta + REPLACED] = 0;
      slots[meta + TAKEN] = 0;
      slots[meta + AT] = entry.at;
      slots[meta + LENGTH] = entry.length;
      slots[meta + EXACT] = hashString(entry.exact);
      commentIds[slot] = entry.commentId;
      exacts[slot] = entry.exact;
      minhashes.set(entry.minhash, slot * SLOTS);
      const keys = entry.authorKeys.slice(0, AUTHOR_KEYS);
      authorKeys[slot] = keys;
      for (let b = 0; b < BANDS; b++) link(slot, stamp, b, entry.bands[b], siteNo);
      keys.forEach((key, i) => link(slot, stamp, BANDS + i, hashString(key) | 0, siteNo));
      slotOfComment.set(commentKey, { slot, stamp });
    },

    size() {
      const oldest = now() - retentionMs;
      let count = 0;
      for (let meta = 0; meta < slots.length; meta += SLOT) {
        if (slots[meta + STAMP] !== 0 && !slots[meta + REPLACED] && slots[meta + AT] >= oldest) count++;
      }
      return count;
    },
  };
}
