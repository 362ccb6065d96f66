// One replica's link to the shared PostgreSQL log (pg-log.ts). Every replica applies every row,
// its own included, in sequence order, so all of them end in the same state whatever order their
// writes were made in.
//
// Read-your-writes across replicas: before a request is handled the replica reads the rows after
// its cursor (catchUp, one query; requests arriving while a read is under way share the next one,
// which starts after they arrived), and a response is sent only once every change made while
// handling it is committed (settled). Anything acknowledged before a request arrived, on any
// replica, is thus in a row the request's read returns. LISTEN/NOTIFY only keeps an idle replica
// current; correctness never depends on it.
import { randomUUID } from 'node:crypto';
import type { MapChange, MapLink, SharedMaps } from '../domain/shared-map.js';
import { TABLES, emptyData, applyChange, type Change, type Data, type Table } from './data.js';
import type { ChangeSink } from './lowdb-store.js';
import { PgLog, type Entry, type LogRow } from './pg-log.js';

/** Where rows are applied once the store exists (before, they build its starting state). */
export interface ReplicaTarget {
  applyExternal(change: Change): void;
}

interface Queued {
  entries: Entry[];
  claim?: string;
  resolve: (ok: boolean) => void;
  reject: (err: Error) => void;
}

/** Rows past the snapshot after which a replica folds them into a new one (tests lower it). */
export const compaction = { afterRows: 5000 };

export class Replica implements ChangeSink, MapLink {
  readonly origin = randomUUID();
  /** Set by the emulator once the store is built. */
  target: ReplicaTarget | undefined;
  /** Called after each applied store change (the key cache forgets keys changed elsewhere). */
  onApplied: (change: Change) => void = () => undefined;
  private cursor = 0;
  private snapshotSeq = 0;
  private current: Promise<void> | undefined;
  private following: Promise<void> | undefined;
  private readonly queue: Queued[] = [];
  private pumping = false;
  private last: Promise<unknown> = Promise.resolve();
  private compacting = false;
  private stopListening: (() => Promise<void>) | undefined;

  private constructor(
    private readonly log: PgLog,
    readonly data: Data,
    private readonly maps: SharedMaps,
  ) {}

  /** Connects and reads the whole state (snapshot plus rows) into a new Data and `maps`. */
  static async open(url: string, maps: SharedMaps): Promise<Replica> {
    const log = await PgLog.open(url);
    const replica = new Replica(log, emptyData(), maps);
    const { snapshot, rows } = await log.readAll();
    if (snapshot) replica.apply(snapshot);
    replica.snapshotSeq = snapshot?.seq ?? 0;
    for (const row of rows) replica.apply(row);
    replica.stopListening = await log.listen((seq) => {
      if (seq > replica.cursor) void replica.catchUp().catch(() => undefined);
    });
    return replica;
  }

  secret(name: string): Promise<Buffer> {
    return this.log.secret(name);
  }

  /** Applies every row committed so far (see the top of the file). */
  catchUp(): Promise<void> {
    if (!this.current) return this.startRead();
    // The read under way may have been sent before this request arrived: wait for the next one.
    this.following ??= this.current.then(noop, noop).then(() => {
      this.following = undefined;
      return this.startRead();
    });
    return this.following;
  }

  /** Resolves once everything handed to the log so far is committed (rejects if any of it failed). */
  settled(): Promise<unknown> {
    return this.last;
  }

  // ChangeSink: the store's changes.
  write(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return this.flush();
    return this.enqueue([...changes]).then(noop);
  }

  async flush(): Promise<void> {
    await this.last.catch(noop);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.stopListening?.();
    await this.current?.catch(noop);
    await this.log.close();
  }

  // MapLink: shared maps' changes.
  send(change: MapChange): void {
    // Not awaited here: the response waits for it (settled), and a failure fails that response.
    this.enqueue([change]).catch(noop);
  }

  claim(claim: string, change: MapChange): Promise<boolean> {
    return this.enqueue([change], claim);
  }

  private enqueue(entries: Entry[], claim?: string): Promise<boolean> {
    const done = new Promise<boolean>((resolve, reject) => {
      this.queue.push({ entries, ...(claim !== undefined ? { claim } : {}), resolve, reject });
    });
    this.last = done;
    void this.pump();
    return done;
  }

  /** One append at a time, in the order made; writes waiting meanwhile go together in one row. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    while (this.queue.length > 0) {
      const first = this.queue[0] as Queued;
      const batch = first.claim !== undefined ? this.queue.splice(0, 1) : this.takePlain();
      try {
        const ok = await this.log.append(
          this.origin,
          batch.flatMap((q) => q.entries),
          first.claim,
        );
        for (const q of batch) q.resolve(ok);
      } catch (err) {
        for (const q of batch) q.reject(err as Error);
      }
    }
    this.pumping = false;
  }

  private takePlain(): Queued[] {
    const end = this.queue.findIndex((q) => q.claim !== undefined);
    return this.queue.splice(0, end === -1 ? this.queue.length : end);
  }

  private startRead(): Promise<void> {
    const read: Promise<void> = this.log
      .since(this.cursor)
      .then((rows) => {
        for (const row of rows) this.apply(row);
        if (this.cursor - this.snapshotSeq > compaction.afterRows) void this.compact().catch(noop);
      })
      .finally(() => {
        if (this.current === read) this.current = undefined;
      });
    this.current = read;
    return read;
  }

  private apply(row: LogRow): void {
    if (row.seq <= this.cursor) return; // two reads overlapping
    if (row.snapshot) this.snapshotSeq = row.seq;
    const entries: Entry[] = row.snapshot
      ? [{ clear: true }, ...this.maps.names().map((m) => ({ m, clear: true as const })), ...row.entries]
      : row.entries;
    for (const entry of entries) {
      if ('m' in entry) {
        this.maps.apply(entry);
      } else if (this.target) {
        this.target.applyExternal(entry);
        this.onApplied(entry);
      } else {
        applyChange(this.data, entry);
      }
    }
    this.cursor = row.seq;
  }

  /**
   * Folds the rows up to the cursor into a new snapshot, rebuilt from the log itself (not from this
   * replica's state, which may hold changes not committed yet), then drops those rows.
   */
  private async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      const { snapshot, rows } = await this.log.readAll();
      const upTo = rows.filter((r) => r.seq <= this.cursor);
      const last = upTo[upTo.length - 1];
      if (!last) return;
      const data = emptyData();
      const maps = new Map<string, Map<string, unknown>>();
      for (const row of [...(snapshot ? [snapshot] : []), ...upTo]) {
        for (const entry of row.entries) {
          if (!('m' in entry)) applyChange(data, entry);
          else if ('clear' in entry) maps.delete(entry.m);
          else {
            let map = maps.get(entry.m);
            if (!map) {
              map = new Map();
              maps.set(entry.m, map);
            }
            if ('v' in entry) map.set(entry.k, entry.v);
            else map.delete(entry.k);
          }
        }
      }
      const entries: Entry[] = [
        ...(Object.keys(TABLES) as Table[]).flatMap((t) => Object.entries(data[t]).map(([k, v]) => ({ t, k: [k], v }))),
        ...[...maps].flatMap(([m, map]) => [...map].map(([k, v]) => ({ m, k, v }))),
      ];
      await this.log.compact(last.seq, entries);
      this.snapshotSeq = last.seq;
    } finally {
      this.compacting = false;
    }
  }
}

const noop = () => undefined;
