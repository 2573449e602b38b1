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
  // Bumped by invalidate: a page loaded before a write must not be cached after it.
  readonly #generations = new Map<string, number>();

  constructor(maxEntries: number) {
    this.#max = maxEntries;
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
    return this.#generations.get(group) ?? 0;
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
    this.#generations.set(group, this.generation(group) + 1);
  }

  /** Drops everything, e.g. when invalidations from other nodes may have been missed. */
  clear(): void {
    for (const group of this.#groups.keys()) this.#generations.set(group, this.generation(group) + 1);
    this.#entries.clear();
    this.#groups.clear();
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
