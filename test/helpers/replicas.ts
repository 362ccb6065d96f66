// Replicas sharing one PostgreSQL database, for the replication tests and the bench. The database
// comes from COGNITO_EMULATOR_TEST_DATABASE_URL (.ci/run starts PostgreSQL and sets it); each
// test gets a database of its own, dropped when it ends.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Test } from 'tap';
import type { Emulator } from '../../src/emulator.js';
import type { TriggerHandler } from '../../src/triggers/in-process.js';
import { LOOPBACK, PUBLIC_URL, testEmulator } from './harness.js';
import { TEST_FIXTURE } from './fixtures/index.js';

export const DATABASE_ENV = 'COGNITO_EMULATOR_TEST_DATABASE_URL';

/**
 * The server's URL, or undefined with the reason the tests skip: locally, without PostgreSQL the
 * replication tests skip; in CI (CI=true) they must run, so a missing database fails them.
 */
export function testDatabase(t: Test): string | undefined {
  const url = process.env[DATABASE_ENV];
  if (url) return url;
  if (process.env.CI === 'true') {
    t.fail(`${DATABASE_ENV} is not set: in CI, .ci/run installs and starts PostgreSQL and sets it`);
    return undefined;
  }
  t.comment(`skipped: ${DATABASE_ENV} is not set (a postgres:// URL of a server where databases can be created)`);
  return undefined;
}

/** A new, empty database on that server; dropped at the end of the test. */
export async function freshDatabase(t: Test, serverUrl: string): Promise<string> {
  const name = `emu_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  t.teardown(async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface Replica {
  /** Its own address (http://127.0.0.1:<port>); every replica has the same PUBLIC_URL. */
  url: string;
  app: Emulator['app'];
  deps: Emulator['deps'];
  stop(): Promise<void>;
}

/**
 * An in-process emulator on 127.0.0.1 sharing state through `databaseUrl`; stopped when the test
 * ends. `triggers`: in-process trigger handlers (each replica runs its own, as each would load the
 * fixtures' function files).
 */
export async function startReplica(
  t: Test,
  databaseUrl: string,
  fixture: object = TEST_FIXTURE,
  triggers?: Record<string, TriggerHandler>,
): Promise<Replica> {
  const emulator = await testEmulator(t, {
    listen: true,
    fixture,
    // Every replica has the same PUBLIC_URL, as behind a load balancer.
    config: { publicUrl: PUBLIC_URL, databaseUrl },
    ...(triggers ? { triggers } : {}),
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await emulator.app.close();
  };
  return { url: `http://${LOOPBACK}:${emulator.port}`, app: emulator.app, deps: emulator.deps, stop };
}

/** n replicas on one fresh database. */
export async function startReplicas(t: Test, serverUrl: string, n: number): Promise<{ databaseUrl: string; replicas: Replica[] }> {
  const databaseUrl = await freshDatabase(t, serverUrl);
  const replicas: Replica[] = [];
  for (let i = 0; i < n; i++) replicas.push(await startReplica(t, databaseUrl));
  return { databaseUrl, replicas };
}
