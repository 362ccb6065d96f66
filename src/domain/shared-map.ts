// In-memory state that replicas share: a Map whose set, delete and clear are also handed to a link
// (the PostgreSQL change log, store/replica.ts) and whose changes made elsewhere arrive through
// apply(). Without a link (no DATABASE_URL) it is a plain Map and costs nothing more.
//
// Converting per-process state into shared state is one line: `new Map<K, V>()` becomes
// `maps.map<V>('a-unique-name')`. The rules that come with it: values are JSON (no Map, Set or
// class instances inside), and a value changed in place must be set() again to reach the others.
// A value that may be used once (a code, a session id) is removed with take(), which is atomic
// across replicas: of two replicas taking the same key at once, exactly one gets the value.

export type MapChange = { m: string; k: string; v: unknown } | { m: string; k: string } | { m: string; clear: true };

/** Where shared-map changes go (the replica). send() is ordered; its durability is awaited per response. */
export interface MapLink {
  send(change: MapChange): void;
  /**
   * Makes the change only if no caller on any replica claimed `claim` before: resolves true for the
   * first, false (nothing changed) for every later one.
   */
  claim(claim: string, change: MapChange): Promise<boolean>;
}

export class SharedMaps {
  private readonly maps = new Map<string, SharedMap<unknown>>();
  /** Set once at start-up when replicas share state; changes made before that are local only. */
  link: MapLink | undefined;

  /** The map with this name (created on first use; the same name always gives the same map). */
  map<V>(name: string): SharedMap<V> {
    let map = this.maps.get(name);
    if (!map) {
      map = new SharedMap<unknown>(name, this);
      this.maps.set(name, map);
    }
    return map as SharedMap<V>;
  }

  /** A change from the log (made here or on another replica): applied without being sent again. */
  apply(change: MapChange): void {
    this.map(change.m).apply(change);
  }

  names(): string[] {
    return [...this.maps.keys()];
  }
}

export class SharedMap<V> {
  private readonly items = new Map<string, V>();

  constructor(
    readonly name: string,
    private readonly owner: SharedMaps,
  ) {}

  get(key: string): V | undefined {
    return this.items.get(key);
  }
  has(key: string): boolean {
    return this.items.has(key);
  }
  get size(): number {
    return this.items.size;
  }
  keys(): IterableIterator<string> {
    return this.items.keys();
  }
  values(): IterableIterator<V> {
    return this.items.values();
  }
  entries(): IterableIterator<[string, V]> {
    return this.items.entries();
  }

  set(key: string, value: V): this {
    this.items.set(key, value);
    this.owner.link?.send({ m: this.name, k: key, v: value });
    return this;
  }

  delete(key: string): boolean {
    const had = this.items.delete(key);
    if (had) this.owner.link?.send({ m: this.name, k: key });
    return had;
  }

  /**
   * Forgets the key here only: for entries every replica drops by itself (expired by the shared
   * clock), so that reading an expired entry does not become a write.
   */
  drop(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
    this.owner.link?.send({ m: this.name, clear: true });
  }

  /** Removes and returns the value; across replicas only one caller gets it. */
  async take(key: string): Promise<V | undefined> {
    const value = this.items.get(key);
    if (value === undefined) return undefined;
    this.items.delete(key);
    const link = this.owner.link;
    if (!link) return value;
    // The value is part of the claim: a new value set later under the same key (a new code for
    // the same user) can be taken again.
    return (await link.claim(`take\u0000${this.name}\u0000${key}\u0000${JSON.stringify(value)}`, { m: this.name, k: key }))
      ? value
      : undefined;
  }

  /** Sets the key unless it is set already; across replicas only one caller gets true (a single-use mark). */
  async setFirst(key: string, value: V): Promise<boolean> {
    if (this.items.has(key)) return false;
    this.items.set(key, value);
    const link = this.owner.link;
    return link ? link.claim(`first\u0000${this.name}\u0000${key}`, { m: this.name, k: key, v: value }) : true;
  }

  apply(change: MapChange): void {
    if ('clear' in change) this.items.clear();
    else if ('v' in change) this.items.set(change.k, change.v as V);
    else this.items.delete(change.k);
  }
}
