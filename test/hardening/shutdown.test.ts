// SIGTERM stops accepting connections, lets in-flight requests finish, flushes the
// data file and exits 0. Two requests are held in flight by injected delay faults: a token request
// and a state-changing AdminCreateUser, whose user must be in the data file after the exit.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { M2M_CLIENT, M2M_SECRET, POOL_ID } from '../helpers/fixtures/index.js';
import { cliApi, startCli, stopCli, writeFixture } from '../helpers/cli-process.js';

/** Resolves with the error code of a fresh TCP connection attempt, or 'connected'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

t.test('SIGTERM with requests in flight: they complete, new connections are refused, the file is flushed, exit 0', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-shutdown-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const dataFile = join(dir, 'data.json');
  const cli = await startCli({ FIXTURES: writeFixture(dir), DATA_FILE: dataFile });
  t.teardown(() => stopCli(cli, 'SIGKILL'));

  for (const fault of [
    { route: '/oauth2/token', delayMs: 800 },
    { operation: 'AdminCreateUser', delayMs: 800 },
  ]) {
    const res = await fetch(`${cli.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify(fault),
      headers: { 'content-type': 'application/json' },
    });
    t.equal(res.status, 200, `fault ${JSON.stringify(fault)} injected`);
  }
  const started = Date.now();
  const token = fetch(`${cli.url}/oauth2/token`, {
    method: 'POST',
    body: 'grant_type=client_credentials',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${M2M_CLIENT}:${M2M_SECRET}`).toString('base64')}`,
    },
  });
  const created = cliApi(cli.url, 'AdminCreateUser', {
    UserPoolId: POOL_ID,
    Username: 'in-flight',
    TemporaryPassword: 'TempPassw0rd!',
    MessageAction: 'SUPPRESS',
  });
  let settled = 0;
  void token.then(
    () => settled++,
    () => settled++,
  );
  void created.then(
    () => settled++,
    () => settled++,
  );
  // A fault is used up when its request arrives: once none is pending, both requests are in their delay.
  for (;;) {
    const pending = ((await (await fetch(`${cli.url}/_emulator/faults`)).json()) as { faults: unknown[] }).faults;
    if (pending.length === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  t.equal(settled, 0, 'both requests are in flight when SIGTERM is sent');
  cli.child.kill('SIGTERM');
  const signalled = Date.now();
  // The signal takes a moment to be handled; from then on, new connections are refused.
  let refused = '',
    settledWhenRefused = -1;
  for (let i = 0; i < 40 && refused !== 'ECONNREFUSED'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    refused = await tryConnect(cli.port);
    settledWhenRefused = settled;
  }
  t.equal(refused, 'ECONNREFUSED', 'a new connection after SIGTERM is refused');
  t.equal(settledWhenRefused, 0, '… while the two requests are still in flight');

  const tokenRes = await token;
  t.equal(tokenRes.status, 200, 'the in-flight token request completes with 200');
  t.type(((await tokenRes.json()) as { access_token?: unknown }).access_token, 'string');
  const createdRes = await created;
  t.equal(createdRes.status, 200, 'the in-flight AdminCreateUser completes with 200');
  t.ok(Date.now() - started >= 750, 'the delay was really in force');
  const exit = await cli.exited;
  t.same(exit, { code: 0, signal: null }, 'exit code 0');
  // Not after Fastify's 72 s keep-alive timeout: the finished requests' connections were closed.
  t.ok(Date.now() - signalled < 10_000, `exited ${Date.now() - signalled} ms after SIGTERM`);
  const data = JSON.parse(readFileSync(dataFile, 'utf8')) as { users: Record<string, Record<string, unknown>> };
  t.ok(data.users[POOL_ID]?.['in-flight'], 'the user created by the in-flight request is in the data file');
  t.match(cli.output().stdout, /"signal":"SIGTERM".*"msg":"shutting down"/, 'the shutdown is logged');
});
