// Scale: pools of 1k, 10k and 100k fixture users. At each size: startup (spawn → 200 on /health,
// median of 3), then one request at a time so latency is the server's, not queueing: the hosted
// sign-in (GET /login + POST /login, random users) and ListUsers with `email = "..."` (random users).
import { statSync } from 'node:fs';
import { runLoad, type LoadResult } from './load.js';
import { listUsersByEmail, signIn } from './flows.js';
import { tempDir, userEmail, userName, writeScaleFixture } from './fixtures.js';
import { rssMb, startServer, stopProcess } from './lib/processes.js';
import { median } from './lib/stats.js';
import { EMULATOR_ENV, EMULATOR_MAIN, ROOT, timeStartup } from './startup.js';

export interface ScalePoint {
  users: number;
  fixtureMb: number;
  startupMs: number[];
  startupMedianMs: number;
  /** RSS right after startup. */
  rssMb: number;
  signIn: LoadResult;
  listUsers: LoadResult;
}

export const SCALE_SIZES = [1_000, 10_000, 100_000] as const;

/** A deterministic spread of user indexes, so every size is probed alike. */
const pick = (n: number, size: number) => Math.floor((((n * 7919) % 9973) / 9973) * size);

export async function measureScale(sizes: readonly number[] = SCALE_SIZES, samples = 300): Promise<ScalePoint[]> {
  const dir = tempDir('scale');
  const points: ScalePoint[] = [];
  for (const users of sizes) {
    const file = writeScaleFixture(dir, users);
    const { size } = statSync(file);
    const opts = { command: process.execPath, args: [EMULATOR_MAIN], cwd: ROOT, env: { ...EMULATOR_ENV, FIXTURES: file } };
    const startupMs = [await timeStartup(opts), await timeStartup(opts)];
    const server = await startServer(opts);
    startupMs.push(server.startupMs);
    try {
      const rss = rssMb(server.child.pid ?? 0);
      let n = 0;
      const signInRun = await runLoad({
        name: `sign-in @${users}`,
        url: server.url,
        concurrency: 1,
        durationMs: 60_000,
        maxIterations: samples,
        warmupMs: 300,
        iteration: async ({ pool }) => {
          await signIn(pool, userName(pick(n++, users)), false);
        },
      });
      let m = 0;
      const listRun = await runLoad({
        name: `ListUsers @${users}`,
        url: server.url,
        concurrency: 1,
        durationMs: 60_000,
        maxIterations: samples,
        warmupMs: 300,
        iteration: async ({ pool }) => {
          const i = pick(m++, users);
          await listUsersByEmail(pool, userEmail(i), userName(i));
        },
      });
      points.push({
        users,
        fixtureMb: size / 1024 / 1024,
        startupMs,
        startupMedianMs: median(startupMs),
        rssMb: rss,
        signIn: signInRun,
        listUsers: listRun,
      });
    } finally {
      await stopProcess(server.child);
    }
  }
  return points;
}
