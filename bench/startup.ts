// Startup: spawn → first 200 on GET /health (polled every 5 ms), median of N runs each, for the
// emulator as shipped (`node dist/main.js`, bundled example fixture, keys generated), a bare Fastify
// hello-world started the same way, and cognito-local (fresh temp directory each run). Runs are
// interleaved so a noisy moment hits all three alike.
import { fileURLToPath } from 'node:url';
import { COGNITO_LOCAL_BIN } from './cognito-local.js';
import { tempDir } from './fixtures.js';
import { startServer, stopProcess, type StartOptions } from './lib/processes.js';
import { median } from './lib/stats.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built emulator; BENCH_MAIN points at another build (e.g. a copy of dist/ from before a change) for A/B runs. */
export const EMULATOR_MAIN = process.env.BENCH_MAIN ?? fileURLToPath(new URL('../dist/main.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-fastify.mjs', import.meta.url));

export interface StartupFigures {
  runs: number;
  emulator: number[];
  /** Spawn → first 200 on the example pool's JWKS: its keys are generated after the server listens. */
  emulatorJwks: number[];
  bareFastify: number[];
  cognitoLocal: number[];
  median: { emulator: number; emulatorJwks: number; bareFastify: number; cognitoLocal: number };
}

/** The example fixture's pool (fixtures/example.json). */
const EXAMPLE_JWKS = '/us-east-1_Example01/.well-known/jwks.json';

/** Environment for the emulator: JSON logs at info (the start line only), nothing else. */
export const EMULATOR_ENV = { LOG_LEVEL: 'info', LOG_FORMAT: 'json' };

export async function timeStartup(opts: StartOptions): Promise<number> {
  return (await timeStartupThen(opts)).startupMs;
}

async function timeStartupThen(opts: StartOptions): Promise<{ startupMs: number; thenMs?: number }> {
  const started = await startServer(opts);
  await stopProcess(started.child);
  return started;
}

export async function measureStartup(runs = 9): Promise<StartupFigures> {
  const emulator: number[] = [];
  const emulatorJwks: number[] = [];
  const bareFastify: number[] = [];
  const cognitoLocal: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = await timeStartupThen({ command: process.execPath, args: [EMULATOR_MAIN], cwd: ROOT, env: EMULATOR_ENV, thenPath: EXAMPLE_JWKS });
    emulator.push(started.startupMs);
    emulatorJwks.push(started.thenMs ?? NaN);
    bareFastify.push(await timeStartup({ command: process.execPath, args: [BARE], cwd: ROOT }));
    cognitoLocal.push(await timeStartup({ command: process.execPath, args: [COGNITO_LOCAL_BIN], cwd: tempDir('cognito-local-start') }));
  }
  return {
    runs, emulator, emulatorJwks, bareFastify, cognitoLocal,
    median: { emulator: median(emulator), emulatorJwks: median(emulatorJwks), bareFastify: median(bareFastify), cognitoLocal: median(cognitoLocal) },
  };
}
