// Child processes under test: spawned on 127.0.0.1 only, their port found by polling or from the
// emulator's JSON start line, their RSS read from /proc/<pid>/status, stopped by their own pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'undici';

export const HOST = '127.0.0.1';

/** A free loopback port: bound by the OS, then released for the child to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Started {
  child: ChildProcess;
  port: number;
  url: string;
  /** Milliseconds from spawn to the first 200 on /health. */
  startupMs: number;
  /** CPU time the child had used by then, all its threads (Linux); absent elsewhere. */
  startupCpuMs?: number;
  output: () => string;
}

export interface StartOptions {
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** A port chosen beforehand (e.g. written into the server's config); default a fresh free one. */
  port?: number;
  /** Poll interval for /health. */
  pollMs?: number;
  timeoutMs?: number;
}

/**
 * Spawns a server on a pre-chosen free port and polls GET /health every pollMs (5 ms by default)
 * until the first 200. The clock starts just before spawn, so it includes Node's own boot.
 */
export async function startServer(opts: StartOptions): Promise<Started> {
  const port = opts.port ?? (await freePort());
  const env = { ...process.env, PORT: String(port), HOST, ...opts.env };
  let out = '';
  const t0 = performance.now();
  const child = spawn(opts.command, opts.args, { env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    if (out.length < 64 * 1024) out += chunk.toString('utf8');
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  const deadline = t0 + (opts.timeoutMs ?? 60_000);
  const pollMs = opts.pollMs ?? 5;
  for (;;) {
    if (exited !== undefined)
      throw new Error(`${opts.command} ${opts.args.join(' ')} exited (${exited}) before /health: ${out.slice(-2000)}`);
    if (performance.now() > deadline) {
      await stopProcess(child);
      throw new Error(
        `${opts.command} ${opts.args.join(' ')}: no 200 on /health within ${opts.timeoutMs ?? 60_000} ms: ${out.slice(-2000)}`,
      );
    }
    try {
      const res = await request(`http://${HOST}:${port}/health`, { headersTimeout: 2000, bodyTimeout: 2000, reset: true });
      await res.body.dump();
      if (res.statusCode === 200) {
        const startupMs = performance.now() - t0;
        const startupCpuMs = cpuMs(child.pid ?? 0);
        return {
          child,
          port,
          url: `http://${HOST}:${port}`,
          startupMs,
          ...(startupCpuMs === undefined ? {} : { startupCpuMs }),
          output: () => out,
        };
      }
    } catch {
      // Not listening yet.
    }
    await sleep(pollMs);
  }
}

/**
 * CPU time a process has used, its threads summed, in ms: the first field of each
 * /proc/<pid>/task/<tid>/schedstat (nanoseconds on a CPU). Unlike wall-clock time it hardly moves
 * when other work shares the cores. Undefined where /proc has no schedstat.
 */
export function cpuMs(pid: number): number | undefined {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`))
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/** Ends the child we started (by its pid, SIGTERM then SIGKILL after graceMs) and waits for it to exit. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) / 1024;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * CPU time (user + system, seconds) a process has used so far, from /proc/<pid>/stat; with
 * `mainThread`, only its main thread's (the event loop; the rest is libuv's pool, GC and V8 helpers).
 */
export function cpuSeconds(pid: number, mainThread = false): number {
  const stat = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (clock ticks).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** USER_HZ: 100 on Linux for every architecture Node supports. */
const CLOCK_TICKS = 100;
