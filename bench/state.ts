// State at scale (README, Performance, State at scale): write latency against state size with and without DATA_FILE,
// start-up from a 100k-user snapshot plus a 100k-line journal, CreateUserPool latency, and
// start-up with a keyless two-pool fixture against the keyed one and cognito-local.
// Every write is measured one at a time (latency is the server's, not queueing).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPair } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { COGNITO_LOCAL_BIN } from './cognito-local.js';
import { AMZ } from './flows.js';
import { POOL_ID, tempDir, userName, writeScaleFixture } from './fixtures.js';
import { runLoad, send, type LoadResult } from './load.js';
import { startServer, stopProcess } from './lib/processes.js';
import { summarise, type Summary } from './lib/stats.js';
import { EMULATOR_ENV, EMULATOR_MAIN, ROOT, timeStartup } from './startup.js';

export interface WritePoint {
  users: number;
  memory: LoadResult;
  dataFile: LoadResult;
}

export interface StateFigures {
  writes?: WritePoint[];
  /** Spawn → 200 /health with a 100k-user snapshot and a 100k-line journal to replay. */
  journalStartupMs?: number[];
  /** The same fixture without DATA_FILE, interleaved with the runs above: the baseline. */
  memoryStartupMs?: number[];
  createUserPool?: { summary: Summary; keyGenerationMs: number[] };
  keyless?: { keyless: number[]; keyed: number[]; cognitoLocal: number[] };
}

const pick = (n: number, size: number) => Math.floor((((n * 7919) % 9973) / 9973) * size);
const emulator = (env: Record<string, string>) => ({
  command: process.execPath,
  args: [EMULATOR_MAIN],
  cwd: ROOT,
  env: { ...EMULATOR_ENV, ...env },
});

/** `samples` AdminUpdateUserAttributes one after another, on spread-out users. */
function updates(name: string, url: string, users: number, samples: number, pid?: number): Promise<LoadResult> {
  let n = 0;
  return runLoad({
    name,
    url,
    concurrency: 1,
    durationMs: 120_000,
    maxIterations: samples,
    warmupMs: 300,
    ...(pid ? { serverPid: pid } : {}),
    iteration: async ({ pool }) => {
      const i = n++;
      await send(pool, 200, {
        method: 'POST',
        path: '/',
        headers: AMZ('AdminUpdateUserAttributes'),
        body: JSON.stringify({
          UserPoolId: POOL_ID,
          Username: userName(pick(i, users)),
          UserAttributes: [{ Name: 'given_name', Value: `v${i}` }],
        }),
      });
    },
  });
}

export async function measureWrites(
  sizes: readonly number[],
  samples = 300,
): Promise<Pick<StateFigures, 'writes' | 'journalStartupMs' | 'memoryStartupMs'>> {
  const dir = tempDir('writes');
  const writes: WritePoint[] = [];
  let startups: { journal: number[]; memory: number[] } | undefined;
  for (const users of sizes) {
    const fixture = writeScaleFixture(dir, users);
    const memoryServer = await startServer(emulator({ FIXTURES: fixture }));
    let memory: Awaited<ReturnType<typeof updates>>;
    try {
      memory = await updates(`memory @${users}`, memoryServer.url, users, samples, memoryServer.child.pid);
    } finally {
      await stopProcess(memoryServer.child);
    }
    // DATA_FILE: a first start seeds it and a graceful stop folds it (given the time it needs),
    // so the measured start begins from a snapshot, as every later start of a user's setup does.
    const dataFile = join(dir, `data-${users}.json`);
    await stopProcess((await startServer({ ...emulator({ FIXTURES: fixture, DATA_FILE: dataFile }), timeoutMs: 180_000 })).child, 180_000);
    const fileServer = await startServer({ ...emulator({ FIXTURES: fixture, DATA_FILE: dataFile }), timeoutMs: 180_000 });
    let onFile: Awaited<ReturnType<typeof updates>>;
    try {
      onFile = await updates(`DATA_FILE @${users}`, fileServer.url, users, samples, fileServer.child.pid);
    } finally {
      await stopProcess(fileServer.child);
    }
    writes.push({ users, memory, dataFile: onFile });
    if (users === 100_000) startups = await journalStartup(fixture, dataFile, users);
  }
  return { writes, ...(startups ? { journalStartupMs: startups.journal, memoryStartupMs: startups.memory } : {}) };
}

/**
 * A journal of `users` changes (one per user) next to the folded snapshot; start-up timed 3 times
 * from the same files, each followed by a start of the same fixture without DATA_FILE (the baseline).
 */
async function journalStartup(fixture: string, dataFile: string, users: number): Promise<{ journal: number[]; memory: number[] }> {
  const snapshot = JSON.parse(readFileSync(dataFile, 'utf8')) as {
    journal: number;
    users: Record<string, Record<string, { Attributes: Record<string, string> }>>;
  };
  const lines: string[] = [];
  for (const [username, user] of Object.entries(snapshot.users[POOL_ID] ?? {})) {
    lines.push(
      JSON.stringify({ t: 'users', k: [POOL_ID, username], v: { ...user, Attributes: { ...user.Attributes, family_name: 'journaled' } } }),
    );
  }
  if (lines.length !== users) throw new Error(`snapshot holds ${lines.length} users, expected ${users}`);
  const saved = `${dataFile}.saved`;
  copyFileSync(dataFile, saved);
  const journal = `${dataFile}.journal.${snapshot.journal}`;
  const runs: number[] = [];
  const memory: number[] = [];
  for (let i = 0; i < 3; i++) {
    copyFileSync(saved, dataFile);
    writeFileSync(journal, `${lines.join('\n')}\n`);
    const server = await startServer({ ...emulator({ FIXTURES: fixture, DATA_FILE: dataFile }), timeoutMs: 180_000 });
    runs.push(server.startupMs);
    server.child.kill('SIGKILL'); // not a graceful stop: that would fold, and the next run needs the journal
    await new Promise((resolve) => server.child.once('exit', resolve));
    memory.push(await timeStartup({ ...emulator({ FIXTURES: fixture }), timeoutMs: 180_000 }));
  }
  return { journal: runs, memory };
}

/** CreateUserPool one after another on a fresh emulator; and, for scale, what generating a pool's three keys costs here. */
export async function measureCreateUserPool(samples = 100): Promise<NonNullable<StateFigures['createUserPool']>> {
  const server = await startServer(emulator({}));
  const latencies: number[] = [];
  try {
    let n = 0;
    const run = await runLoad({
      name: 'CreateUserPool',
      url: server.url,
      concurrency: 1,
      durationMs: 120_000,
      maxIterations: samples,
      warmupMs: 200,
      iteration: async ({ pool }) => {
        const t0 = performance.now();
        await send(pool, 200, {
          method: 'POST',
          path: '/',
          headers: AMZ('CreateUserPool'),
          body: JSON.stringify({ PoolName: `bench-${n++}` }),
        });
        latencies.push(performance.now() - t0);
      },
    });
    if (run.failures > 0) throw new Error(`CreateUserPool failed: ${run.failureSamples.join(' | ')}`);
  } finally {
    await stopProcess(server.child);
  }
  const keyGenerationMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await Promise.all([0, 1, 2].map(() => promisify(generateKeyPair)('rsa', { modulusLength: 2048 })));
    keyGenerationMs.push(performance.now() - t0);
  }
  return { summary: summarise(latencies.slice(-samples)), keyGenerationMs };
}

const EXAMPLE_FIXTURE = fileURLToPath(new URL('../fixtures/example.json', import.meta.url));

/** Two pools from the example fixture, with and without SigningKeys; runs interleaved with cognito-local. */
export async function measureKeylessStartup(runs = 9): Promise<NonNullable<StateFigures['keyless']>> {
  const dir = tempDir('keyless');
  const example = JSON.parse(readFileSync(EXAMPLE_FIXTURE, 'utf8')) as { UserPools: Array<Record<string, unknown>> };
  const [pool] = example.UserPools;
  if (!pool) throw new Error('fixtures/example.json has no pool');
  const second = (p: Record<string, unknown>) => ({
    ...p,
    Id: 'us-east-1_Second01',
    Name: 'second',
    Domain: 'second',
    Clients: (p.Clients as Array<Record<string, unknown>> | undefined)?.map((c, i) => ({
      ...c,
      ClientId: `second${String(i).padStart(20, '0')}`,
    })),
  });
  const keyed = join(dir, 'keyed.json');
  writeFileSync(keyed, JSON.stringify({ UserPools: [pool, second(pool)] }));
  const { SigningKeys: _, ...withoutKeys } = pool;
  const keyless = join(dir, 'keyless.json');
  writeFileSync(keyless, JSON.stringify({ UserPools: [withoutKeys, second(withoutKeys)] }));
  const figures = { keyless: [] as number[], keyed: [] as number[], cognitoLocal: [] as number[] };
  for (let i = 0; i < runs; i++) {
    figures.keyless.push(await timeStartup(emulator({ FIXTURES: keyless })));
    figures.keyed.push(await timeStartup(emulator({ FIXTURES: keyed })));
    figures.cognitoLocal.push(
      await timeStartup({ command: process.execPath, args: [COGNITO_LOCAL_BIN], cwd: tempDir('cognito-local-start') }),
    );
  }
  return figures;
}
