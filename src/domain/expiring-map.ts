/** A map whose entries stop existing at their expiry (by the injected clock) and are purged. */
export class ExpiringMap<V> {
  private readonly items = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  set(key: string, value: V, expiresAt: number): void {
    this.items.set(key, { value, expiresAt });
  }

  get(key: string): V | undefined {
    const entry = this.items.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.items.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Get and delete in one step: the value can be taken once. */
  take(key: string): V | undefined {
    const value = this.get(key);
    this.items.delete(key);
    return value;
  }

  delete(key: string): void {
    this.items.delete(key);
  }

  /** Unexpired entries. */
  entries(): Array<[string, V]> {
    const now = this.now();
    return [...this.items].filter(([, e]) => e.expiresAt > now).map(([k, e]) => [k, e.value]);
  }

  purge(): void {
    const now = this.now();
    for (const [key, entry] of this.items) if (entry.expiresAt <= now) this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }

  get size(): number {
    return this.items.size;
  }
}
