// A small LRU of pre-serialised responses, grouped so one write drops every page of a thread.
export interface CachedBody {
  body: Buffer;
  etag: string;
}

interface Entry extends CachedBody {
  group: string;
}

export class PageCache {
  readonly #max: number;
  readonly #entries = new Map<string, Entry>();
  readonly #groups = new Map<string, Set<string>>();
  // A page loaded before a write must not be cached after it: invalidate stamps the group with a
  // new, ever-growing number, and a load is stored only if its group's stamp has not moved.
  // Only the most recent stamps are kept (a thread that is written to once must not stay here
  // forever); a forgotten group reads as #floor, which is at least every stamp ever forgotten,
  // so a load begun before a forgotten invalidation is still refused (a harmless miss at worst).
  readonly #stamps = new Map<string, number>();
  readonly #maxStamps: number;
  #lastStamp = 0;
  #floor = 0;

  constructor(maxEntries: number) {
    this.#max = maxEntries;
    this.#maxStamps = Math.max(1024, 2 * maxEntries);
  }

  get(key: string): CachedBody | undefined {
    const hit = this.#entries.get(key);
    if (hit) {
      // Refresh recency: a Map iterates in insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  generation(group: string): number {
    return this.#stamps.get(group) ?? this.#floor;
  }

  /** Stores a value loaded when the group was at `generation`; stale loads are dropped. */
  set(group: string, key: string, value: CachedBody, generation = this.generation(group)): void {
    if (this.#max === 0 || generation !== this.generation(group)) return;
    this.#remove(key);
    this.#entries.set(key, { ...value, group });
    let keys = this.#groups.get(group);
    if (!keys) this.#groups.set(group, (keys = new Set()));
    keys.add(key);
    while (this.#entries.size > this.#max) this.#remove(this.#entries.keys().next().value as string);
  }

  invalidate(group: string): void {
    for (const key of this.#groups.get(group) ?? []) this.#entries.delete(key);
    this.#groups.delete(group);
    this.#stamps.delete(group);
    this.#stamps.set(group, ++this.#lastStamp);
    if (this.#stamps.size > this.#maxStamps) {
      const [oldest, stamp] = this.#stamps.entries().next().value as [string, number];
      this.#stamps.delete(oldest);
      this.#floor = Math.max(this.#floor, stamp);
    }
  }

  /** Drops everything, e.g. when invalidations from other nodes may have been missed. */
  clear(): void {
    this.#stamps.clear();
    this.#floor = ++this.#lastStamp;
    this.#entries.clear();
    this.#groups.clear();
  }

  /** How many groups' invalidation stamps are remembered (bounded). */
  get rememberedGroups(): number {
    return this.#stamps.size;
  }

  get size(): number {
    return this.#entries.size;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    const keys = this.#groups.get(entry.group);
    keys?.delete(key);
    if (keys?.size === 0) this.#groups.delete(entry.group);
  }
}
