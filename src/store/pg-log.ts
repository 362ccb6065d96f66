// The PostgreSQL side of replication: one table used as an ordered log of changes (store Changes
// and shared-map changes, one row per write), a table of claims for single-use values, a table of
// shared secrets, and one snapshot row that compaction folds old rows into.
//
// Order: every append takes the same transaction-scoped advisory lock before its row gets a
// sequence number, and keeps it until commit, so rows commit in sequence order. A reader that
// sees row n has therefore seen every row below n, and "every row after my cursor" is exact.
import { createHash, randomBytes } from 'node:crypto';
import type { Client, ClientBase, Pool, PoolClient } from 'pg';
import type { MapChange } from '../domain/shared-map.js';
import type { Change } from './data.js';

export type Entry = Change | MapChange;
export interface LogRow {
  seq: number;
  entries: Entry[];
  /** The snapshot: the whole state up to seq, replacing what the reader had. */
  snapshot?: true;
}

/** Any number: the one lock every append takes (pg_advisory_xact_lock's key). */
const APPEND_LOCK = 0x636f676e;
export const CHANNEL = 'cognito_emulator_changes';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cognito_emulator_changes (seq bigserial PRIMARY KEY, origin text NOT NULL, entries text NOT NULL);
CREATE TABLE IF NOT EXISTS cognito_emulator_claims (claim text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS cognito_emulator_secrets (name text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS cognito_emulator_snapshot (id int PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, entries text NOT NULL);
`;

type Pg = typeof import('pg').default;

export class PgLog {
  private constructor(
    private readonly pg: Pg,
    private readonly pool: Pool,
    private readonly url: string,
  ) {}

  static async open(url: string): Promise<PgLog> {
    // Loaded here rather than at every start: only replicas (DATABASE_URL) use PostgreSQL.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined); // an idle client lost: the next query gets a new one
    const log = new PgLog(pg, pool, url);
    await log.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]); // replicas starting together
      await client.query(SCHEMA);
    });
    return log;
  }

  /**
   * Appends one row. With `claim`, only if nobody claimed it before (resolves false, appending
   * nothing, otherwise). Resolves once committed.
   */
  async append(origin: string, entries: readonly Entry[], claim?: string): Promise<boolean> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      if (claim !== undefined) {
        // Hashed: a claim names a key and a value of any length and content (NUL included).
        const hashed = createHash('sha256').update(claim).digest('base64');
        const won = await client.query('INSERT INTO cognito_emulator_claims (claim) VALUES ($1) ON CONFLICT DO NOTHING', [hashed]);
        if (won.rowCount === 0) return false;
      }
      const { rows } = await client.query<{ seq: string }>(
        'INSERT INTO cognito_emulator_changes (origin, entries) VALUES ($1, $2) RETURNING seq',
        [origin, JSON.stringify(entries)],
      );
      // Delivered at commit: wakes the other replicas up (they would also catch up at their next request).
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, rows[0]?.seq ?? '']);
      return true;
    });
  }

  /** The snapshot (if any) and every row after it, for a replica starting up. */
  async readAll(): Promise<{ snapshot: LogRow | undefined; rows: LogRow[] }> {
    return this.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const snap = await client.query<{ seq: string; entries: string }>('SELECT seq, entries FROM cognito_emulator_snapshot');
      const first = snap.rows[0];
      const snapshot = first
        ? { seq: Number(first.seq), entries: JSON.parse(first.entries) as Entry[], snapshot: true as const }
        : undefined;
      return { snapshot, rows: await this.since(snapshot?.seq ?? 0, client) };
    });
  }

  /**
   * Rows after `seq`, in order; first the snapshot when it is past `seq` (another replica compacted
   * rows this reader had not read yet). One query either way.
   */
  async since(seq: number, client: ClientBase | Pool = this.pool): Promise<LogRow[]> {
    const { rows } = await client.query<{ seq: string; entries: string; snapshot: boolean }>(
      `SELECT seq, entries, true AS snapshot FROM cognito_emulator_snapshot WHERE seq > $1
       UNION ALL SELECT seq, entries, false FROM cognito_emulator_changes WHERE seq > $1 ORDER BY seq, snapshot DESC`,
      [seq],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      entries: JSON.parse(r.entries) as Entry[],
      ...(r.snapshot ? { snapshot: true as const } : {}),
    }));
  }

  /**
   * Compaction: the state up to `seq` (as entries that rebuild it) replaces the snapshot, and the
   * rows it covers go, with claims older than a day (single-use values never live that long).
   */
  async compact(seq: number, entries: readonly Entry[]): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO cognito_emulator_snapshot (id, seq, entries) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, entries = EXCLUDED.entries WHERE cognito_emulator_snapshot.seq < EXCLUDED.seq`,
        [seq, JSON.stringify(entries)],
      );
      await client.query('DELETE FROM cognito_emulator_changes WHERE seq <= $1', [seq]);
      await client.query(`DELETE FROM cognito_emulator_claims WHERE at < now() - interval '1 day'`);
    });
  }

  /** A random secret every replica shares (made by the first to ask). */
  async secret(name: string): Promise<Buffer> {
    await this.pool.query('INSERT INTO cognito_emulator_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      name,
      randomBytes(32).toString('base64'),
    ]);
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM cognito_emulator_secrets WHERE name = $1', [name]);
    return Buffer.from(rows[0]?.value ?? '', 'base64');
  }

  /** A connection of its own, LISTENing; `onNotify` gets each committed row's seq. Reconnects when lost. */
  async listen(onNotify: (seq: number) => void): Promise<() => Promise<void>> {
    let client: Client | undefined;
    let stopped = false;
    const connect = async (): Promise<void> => {
      const c = new this.pg.Client({ connectionString: this.url });
      c.on('notification', (n) => onNotify(Number(n.payload)));
      c.on('error', () => {
        void c.end().catch(() => undefined);
        if (!stopped) setTimeout(() => void connect().catch(() => undefined), 500).unref();
      });
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      client = c;
      onNotify(Number.MAX_SAFE_INTEGER); // rows committed while not listening
    };
    await connect();
    return async () => {
      stopped = true;
      await client?.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
