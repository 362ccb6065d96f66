// A closed-loop load generator on undici: `concurrency` workers, each running one iteration after
// another on a keep-alive Pool for a fixed time (or until a request budget is spent). Every
// iteration either succeeds or counts as a failure (wrong status, bad body, network error); a
// few failure messages are kept so a run with failures can say what went wrong.
import { Pool, type Dispatcher } from 'undici';
import { cpuSeconds } from './lib/processes.js';
import { summarise, type Summary } from './lib/stats.js';

export class BenchFailure extends Error {}

export interface IterationContext {
  pool: Pool;
  worker: number;
}

/** One unit of work; may return the latency (ms) of a step worth reporting on its own. */
export type Iteration = (ctx: IterationContext) => Promise<number> | Promise<void>;

export interface LoadOptions {
  name: string;
  url: string;
  concurrency: number;
  /** Measured time; the run also stops early once maxIterations have been started. */
  durationMs: number;
  maxIterations?: number;
  /** Unmeasured run first (JIT, connection set-up). */
  warmupMs?: number;
  iteration: Iteration;
  /** The server's pid, to report the CPU cores it used during the measured run. */
  serverPid?: number;
}

export interface LoadResult {
  name: string;
  concurrency: number;
  seconds: number;
  completed: number;
  failures: number;
  /** Successful iterations per second. */
  rps: number;
  latency: Summary;
  step?: Summary;
  failureSamples: string[];
  /** Average cores busy in the server process and in this (client) process during the run. */
  serverCores?: number;
  /** Of serverCores, the share of the server's main thread (event loop). */
  serverMainCores?: number;
  clientCores: number;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(opts.url, { connections: opts.concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  try {
    if (opts.warmupMs) await loop(pool, opts, opts.warmupMs, undefined);
    return await loop(pool, opts, opts.durationMs, opts.maxIterations);
  } finally {
    await pool.close();
  }
}

async function loop(pool: Pool, opts: LoadOptions, durationMs: number, maxIterations: number | undefined): Promise<LoadResult> {
  const latencies: number[] = [];
  const steps: number[] = [];
  const failureSamples: string[] = [];
  let failures = 0;
  let started = 0;
  const t0 = performance.now();
  const end = t0 + durationMs;
  const serverCpu0 = opts.serverPid !== undefined ? cpuSeconds(opts.serverPid) : 0;
  const serverMain0 = opts.serverPid !== undefined ? cpuSeconds(opts.serverPid, true) : 0;
  const clientCpu0 = process.cpuUsage();
  const worker = async (index: number) => {
    while (performance.now() < end && (maxIterations === undefined || started < maxIterations)) {
      started++;
      const begin = performance.now();
      try {
        const step = await opts.iteration({ pool, worker: index });
        latencies.push(performance.now() - begin);
        if (typeof step === 'number') steps.push(step);
      } catch (err) {
        failures++;
        if (failureSamples.length < 5) failureSamples.push((err as Error).message.slice(0, 300));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => worker(i)));
  const seconds = (performance.now() - t0) / 1000;
  const clientCpu = process.cpuUsage(clientCpu0);
  const serverCores = opts.serverPid !== undefined ? (cpuSeconds(opts.serverPid) - serverCpu0) / seconds : undefined;
  const serverMainCores = opts.serverPid !== undefined ? (cpuSeconds(opts.serverPid, true) - serverMain0) / seconds : undefined;
  return {
    name: opts.name,
    concurrency: opts.concurrency,
    seconds,
    completed: latencies.length,
    failures,
    rps: latencies.length / seconds,
    latency: summarise(latencies),
    ...(steps.length > 0 ? { step: summarise(steps) } : {}),
    failureSamples,
    ...(serverCores !== undefined ? { serverCores } : {}),
    ...(serverMainCores !== undefined ? { serverMainCores } : {}),
    clientCores: (clientCpu.user + clientCpu.system) / 1e6 / seconds,
  };
}

export interface Sent {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  text: string;
}

/** One request; throws BenchFailure unless the status is the expected one. */
export async function send(
  pool: Pool,
  expected: number,
  options: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string },
): Promise<Sent> {
  const res = await pool.request({ ...options, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const text = await res.body.text();
  if (res.statusCode !== expected) {
    throw new BenchFailure(
      `${options.method} ${options.path.split('?')[0]}: HTTP ${res.statusCode} (expected ${expected}): ${text.slice(0, 200)}`,
    );
  }
  return { status: res.statusCode, headers: res.headers, text };
}

export const header = (headers: Sent['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** Values of Set-Cookie by cookie name. */
export function cookies(headers: Sent['headers']): Map<string, string> {
  const raw = headers['set-cookie'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const jar = new Map<string, string>();
  for (const line of list) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}
