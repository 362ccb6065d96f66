// The real CLI (src/main.ts through tsx, or the built dist/main.js) as a child process on 127.0.0.1
// with an OS-chosen port, for the tests that need a process to kill, restart, signal or measure.
// Output is captured.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETTINGS } from '../../src/config.js';
import { TEST_FIXTURE } from './fixtures/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Which CLI runs: the sources through tsx (no build needed), or the build as shipped (npm run build's bundles). */
export type CliEntry = 'src' | 'dist';
const ENTRY_ARGS: Record<CliEntry, string[]> = { src: ['--import', 'tsx', 'src/main.ts'], dist: ['dist/main.js'] };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliProcess {
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:<port> (the emulator's PUBLIC_URL says localhost; we only ever use the loopback address). */
  url: string;
  port: number;
  output(): { stdout: string; stderr: string };
  exited: Promise<Exit>;
}

/** The parent's environment without any emulator setting (and tap's NODE_OPTIONS), plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const [name] of Object.values(SETTINGS)) delete clean[name];
  delete clean.NODE_OPTIONS;
  delete clean.LOG_FORMAT;
  return { ...clean, ...env };
}

/** Writes the test fixture into `dir` and returns its path. */
export function writeFixture(dir: string, fixture: object = TEST_FIXTURE): string {
  const file = join(dir, 'fixture.json');
  writeFileSync(file, JSON.stringify(fixture));
  return file;
}

/** Runs the CLI and collects everything until it exits (for startup failures). */
export function runCli(
  env: Record<string, string>,
  timeoutMs = 60_000,
  entry: CliEntry = 'src',
  args: string[] = [],
): Promise<Exit & { stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...ENTRY_ARGS[entry], ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}

/**
 * Starts the CLI (PORT=0, HOST=127.0.0.1, JSON logs at info or finer: the port is read from the
 * "listening on" line) and resolves once it logs its port. The
 * generous timeout covers tsx compiling src/ on a loaded machine.
 */
export async function startCli(env: Record<string, string>, timeoutMs = 60_000, entry: CliEntry = 'src'): Promise<CliProcess> {
  const child = spawn(process.execPath, ENTRY_ARGS[entry], {
    cwd: ROOT,
    env: childEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '',
    stderr = '';
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not start in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const port = /"port":(\d+)/.exec(stdout)?.[1];
      if (port !== undefined && /listening on/.test(stdout)) {
        clearTimeout(timer);
        resolve(Number(port));
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited (${e.code ?? e.signal}) before listening: ${stderr}`));
    });
  });
  return { child, pid: child.pid ?? -1, url: `http://127.0.0.1:${port}`, port, output: () => ({ stdout, stderr }), exited };
}

/** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). */
export async function stopCli(cli: CliProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 30_000): Promise<Exit> {
  if (cli.child.exitCode !== null || cli.child.signalCode !== null) return cli.exited;
  cli.child.kill(signal);
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), graceMs);
  const exit = await cli.exited;
  clearTimeout(timer);
  return exit;
}

/** POST / of the Cognito JSON API. */
export async function cliApi(url: string, operation: string, input: object): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
