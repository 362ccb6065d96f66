// Startup: spawn → first 200 on GET /health (polled every 5 ms; the emulator's means fixtures loaded
// and keys ready), median of N runs each, with the CPU time each process had used by then (all
// threads; on a machine shared with other work the steadier of the two), for the emulator as shipped (`node dist/main.js`, the
// example fixture, whose pool carries SigningKeys), the same pool without SigningKeys (public test
// keys), a bare Fastify hello-world started the same way, and cognito-local (fresh temp
// directory each run). Runs are interleaved so a noisy moment hits all alike.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COGNITO_LOCAL_BIN } from './cognito-local.js';
import { tempDir } from './fixtures.js';
import { startServer, stopProcess, type StartOptions } from './lib/processes.js';
import { median } from './lib/stats.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built emulator; BENCH_MAIN points at another build (e.g. a copy of dist/ from before a change) for A/B runs. */
export const EMULATOR_MAIN = process.env.BENCH_MAIN ?? fileURLToPath(new URL('../dist/main.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-fastify.mjs', import.meta.url));
const EXAMPLE_FIXTURE = fileURLToPath(new URL('../fixtures/example.json', import.meta.url));

export interface StartupFigures {
  runs: number;
  /** The example fixture as shipped: its pool carries SigningKeys. */
  emulator: number[];
  /** The same pool without SigningKeys: it gets its public test keys. */
  emulatorGeneratingKeys: number[];
  bareFastify: number[];
  cognitoLocal: number[];
  median: { emulator: number; emulatorGeneratingKeys: number; bareFastify: number; cognitoLocal: number };
  /** CPU time at the first 200 (ms, all threads), per run and median; absent where /proc has no schedstat. */
  cpu?: { runs: Record<Subject, number[]>; median: Record<Subject, number> };
}

type Subject = 'emulator' | 'emulatorGeneratingKeys' | 'bareFastify' | 'cognitoLocal';

/** Environment for the emulator: JSON logs at info (the start line only), nothing else. */
export const EMULATOR_ENV = { LOG_LEVEL: 'info', LOG_FORMAT: 'json' };

export async function timeStartup(opts: StartOptions): Promise<number> {
  return (await startAndStop(opts)).startupMs;
}

async function startAndStop(opts: StartOptions): Promise<{ startupMs: number; startupCpuMs?: number | undefined }> {
  const started = await startServer(opts);
  await stopProcess(started.child);
  return started;
}

/** fixtures/example.json without its SigningKeys, written to a temporary directory. */
function exampleWithoutKeys(): string {
  const example = JSON.parse(readFileSync(EXAMPLE_FIXTURE, 'utf8')) as { UserPools: Array<Record<string, unknown>> };
  for (const pool of example.UserPools) delete pool.SigningKeys;
  const file = join(tempDir('startup-keys'), 'example-without-keys.json');
  writeFileSync(file, JSON.stringify(example));
  return file;
}

export async function measureStartup(runs = 9): Promise<StartupFigures> {
  const withoutKeys = exampleWithoutKeys();
  const subjects: Record<Subject, StartOptions> = {
    emulator: { command: process.execPath, args: [EMULATOR_MAIN], cwd: ROOT, env: EMULATOR_ENV },
    emulatorGeneratingKeys: {
      command: process.execPath,
      args: [EMULATOR_MAIN],
      cwd: ROOT,
      env: { ...EMULATOR_ENV, FIXTURES: withoutKeys },
    },
    bareFastify: { command: process.execPath, args: [BARE], cwd: ROOT },
    cognitoLocal: { command: process.execPath, args: [COGNITO_LOCAL_BIN], cwd: tempDir('cognito-local-start') },
  };
  const names = Object.keys(subjects) as Subject[];
  const wall = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Subject, number[]>;
  const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Subject, number[]>;
  let cpuKnown = true;
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const opts = name === 'cognitoLocal' ? { ...subjects[name], cwd: tempDir('cognito-local-start') } : subjects[name];
      const { startupMs, startupCpuMs } = await startAndStop(opts);
      wall[name].push(startupMs);
      if (startupCpuMs === undefined) cpuKnown = false;
      else cpu[name].push(startupCpuMs);
    }
  }
  const medians = (x: Record<Subject, number[]>) => Object.fromEntries(names.map((n) => [n, median(x[n])])) as Record<Subject, number>;
  return { runs, ...wall, median: medians(wall), ...(cpuKnown ? { cpu: { runs: cpu, median: medians(cpu) } } : {}) };
}
