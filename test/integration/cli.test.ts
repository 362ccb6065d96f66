// The real process (src/main.ts run through tsx, so no build is needed): PORT=0 logging the
// chosen URL, /health, clean SIGTERM, and the one-line, exit-code-2 startup errors of the contract
// (README, Settings).
import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETTINGS } from '../../src/config.js';
import { POOL_ID, TEST_FIXTURE } from '../helpers/fixtures/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-cli-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const goodFixture = join(dir, 'good.json');
writeFileSync(goodFixture, JSON.stringify(TEST_FIXTURE));

/** The parent's environment without any emulator setting (and tap's NODE_OPTIONS), plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const [name] of Object.values(SETTINGS)) delete clean[name];
  delete clean.NODE_OPTIONS;
  return { ...clean, ...env };
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion and collects its output. The safety timeout is generous: tsx
 * compiles src/ at each start, which takes seconds on a loaded CI machine. */
function run(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<Finished> {
  const child = start(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
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

// The one-shot runs are independent of each other and of the server below: they start together
// (tsx makes every start cost seconds) and each is checked in its own test.
const brokenFixture = join(dir, 'broken.json');
{
  const broken = structuredClone(TEST_FIXTURE) as { UserPools: Array<{ Clients: Array<Record<string, unknown>> }> };
  const firstClient = broken.UserPools[0]?.Clients[0];
  if (!firstClient) throw new Error('fixture has no client');
  firstClient.Bogus = true;
  writeFileSync(brokenFixture, JSON.stringify(broken));
}
const missingFixture = join(dir, 'nope.json');
const oneShot = {
  broken: run([], { PORT: '0', FIXTURES: brokenFixture }),
  missing: run([], { PORT: '0', FIXTURES: missingFixture }),
  badPort: run(['--port', 'abc'], { FIXTURES: goodFixture }),
  unknownFlag: run(['--bogus'], { FIXTURES: goodFixture }),
  help: run(['--help']),
};

t.test('PORT=0: logs the chosen URL, serves /health, exits 0 on SIGTERM', async (t) => {
  const child = start([], { PORT: '0', FIXTURES: goodFixture, LOG_LEVEL: 'info' });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  t.teardown(() => {
    clearTimeout(killer);
    child.kill('SIGKILL');
  });

  const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (typeof entry.msg === 'string' && entry.msg.startsWith('cognito-emulator listening on')) resolve(entry);
      }
    });
    child.on('close', () => reject(new Error(`exited before listening; stderr: ${stderr}`)));
  });
  const port = listening.port;
  t.type(port, 'number');
  t.not(port, 0, 'a real port was chosen');
  t.equal(listening.url, `http://localhost:${String(port)}`);
  t.ok(String(listening.msg).startsWith(`cognito-emulator listening on http://localhost:${String(port)}`), 'the message names the URL');
  t.equal(listening.level, 30, 'an info line');
  t.match(listening.pools, [{ id: POOL_ID, issuer: `http://localhost:${String(port)}/${POOL_ID}` }]);

  const health = await fetch(`http://127.0.0.1:${String(port)}/health`);
  t.equal(health.status, 200);
  t.strictSame(await health.json(), { status: 'ok' });
  const discovery = await fetch(`http://127.0.0.1:${String(port)}/${POOL_ID}/.well-known/openid-configuration`);
  t.equal(((await discovery.json()) as { issuer: string }).issuer, `http://localhost:${String(port)}/${POOL_ID}`);

  const sentAt = Date.now();
  child.kill('SIGTERM');
  const { code, signal } = await exited;
  t.equal(code, 0, 'exit code 0 after SIGTERM');
  t.equal(signal, null);
  t.ok(Date.now() - sentAt < 5000, `exited within 5 s (took ${Date.now() - sentAt} ms)`);
  t.equal(stderr, '', 'nothing on stderr');
});

t.test('broken fixture (unknown field): exit 2, one line naming the file and the JSON path', async (t) => {
  const { code, stderr, stdout } = await oneShot.broken;
  t.equal(code, 2);
  const lines = stderr.split('\n').filter((l) => l !== '');
  t.equal(lines.length, 1, 'exactly one line on stderr');
  t.equal(lines[0], `cognito-emulator: ${brokenFixture}: $.UserPools[0].Clients[0].Bogus: unknown field (a typo?)`);
  t.ok(stderr.endsWith('\n'));
  t.notMatch(stdout, /listening/, 'it never started listening');
});

t.test('other startup errors: exit 2 with one line', async (t) => {
  // Expected stderr: a string must match exactly, a RegExp must match.
  const cases: Array<[string, Promise<Finished>, string | RegExp]> = [
    ['missing fixture file', oneShot.missing, `cognito-emulator: ${missingFixture}: fixture file or directory not found\n`],
    ['--port abc', oneShot.badPort, 'cognito-emulator: PORT / --port: "abc" is not a port number (0-65535)\n'],
    ['unknown flag', oneShot.unknownFlag, /^cognito-emulator: invalid command line: .*--bogus.*\n$/],
  ];
  for (const [name, result, expected] of cases) {
    const { code, stderr } = await result;
    t.equal(code, 2, `${name}: exit code 2`);
    if (typeof expected === 'string') t.equal(stderr, expected, `${name}: message`);
    else t.match(stderr, expected, `${name}: message`);
    t.equal(stderr.split('\n').filter((l) => l !== '').length, 1, `${name}: one line`);
  }
});

t.test('--help prints every setting and exits 0', async (t) => {
  const { code, stdout, stderr } = await oneShot.help;
  t.equal(code, 0);
  t.equal(stderr, '');
  for (const [env, flag, , dflt] of Object.values(SETTINGS)) {
    const line = stdout.split('\n').find((l) => l.includes(`--${flag} `));
    t.ok(line, `--${flag} is listed`);
    t.match(line, env, `--${flag} names ${env}`);
    t.match(line, `[default: ${dflt}]`, `--${flag} shows its default`);
  }
  t.match(stdout, '--help');
});
