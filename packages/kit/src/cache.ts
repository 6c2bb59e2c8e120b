/**
 * A small bounded cache with a time to live, for look-ups a hot path repeats (an API key's shop, a phone
 * number's E.164 form). Entries expire `ttlMs` after they were set, by the given clock (the service's
 * injected Clock, so tests can move past a TTL); when full, the oldest entry makes room.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: V; expires: number }>();
  constructor(
    readonly maxEntries: number,
    readonly ttlMs: number,
    readonly now: () => number = () => 0,
  ) {}

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    if (this.#entries.size >= this.maxEntries && !this.#entries.has(key)) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expires: this.now() + this.ttlMs });
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
