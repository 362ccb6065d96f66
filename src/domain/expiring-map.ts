// A map whose entries stop existing at their expiry (by the injected clock) and are purged. Kept in
// a SharedMap, so replicas see one another's entries (pass the map; without one it is private).
import { SharedMaps, type SharedMap } from './shared-map.js';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class ExpiringMap<V> {
  private readonly items: SharedMap<Entry<V>>;

  constructor(
    private readonly now: () => number,
    items?: SharedMap<Entry<V>>,
  ) {
    this.items = items ?? new SharedMaps().map('private');
  }

  set(key: string, value: V, expiresAt: number): void {
    this.items.set(key, { value, expiresAt });
  }

  get(key: string): V | undefined {
    const entry = this.items.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.items.drop(key);
      return undefined;
    }
    return entry.value;
  }

  /** Get and delete in one step: the value can be taken once (once across replicas, too). */
  async take(key: string): Promise<V | undefined> {
    if (this.get(key) === undefined) return undefined;
    return (await this.items.take(key))?.value;
  }

  /** Sets the key unless an unexpired entry is there; true for the one caller (on any replica) that set it. */
  setFirst(key: string, value: V, expiresAt: number): Promise<boolean> {
    if (this.get(key) !== undefined) return Promise.resolve(false);
    return this.items.setFirst(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.items.delete(key);
  }

  /** Unexpired entries. */
  entries(): Array<[string, V]> {
    const now = this.now();
    return [...this.items.entries()].filter(([, e]) => e.expiresAt > now).map(([k, e]) => [k, e.value]);
  }

  /** Every replica purges by the same clock, so a purge is not sent to the others. */
  purge(): void {
    const now = this.now();
    for (const [key, entry] of this.items.entries()) if (entry.expiresAt <= now) this.items.drop(key);
  }

  clear(): void {
    this.items.clear();
  }

  get size(): number {
    return this.items.size;
  }
}
