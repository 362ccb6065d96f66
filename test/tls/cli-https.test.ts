// The CLI with HTTPS_PORT (the real process through tsx): the TLS listener's URL and the CA file in
// the start-up log, both listeners answering, both closed by SIGTERM (exit 0), and an HTTPS port
// already in use stopping start-up with one line and exit code 2.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { Agent, fetch } from 'undici';
import { runCli, startCli, stopCli, writeFixture } from '../helpers/cli-process.js';

const dir = await mkdtemp(join(tmpdir(), 'cli-https-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const fixture = writeFixture(dir);

async function waitFor<T>(read: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const value = read();
    if (value !== undefined) return value;
  }
  throw new Error('timed out');
}

t.test('HTTPS_PORT: logs the https URL and the CA file, serves both, SIGTERM closes both', async (t) => {
  const cli = await startCli({ FIXTURES: fixture, HTTPS_PORT: '0', TLS_DIR: join(dir, 'tls'), LOG_LEVEL: 'info' });
  t.teardown(() => stopCli(cli, 'SIGKILL'));
  const line = await waitFor(() =>
    cli
      .output()
      .stdout.split('\n')
      .find((l) => l.includes('also listening with TLS')),
  );
  const entry = JSON.parse(line) as { httpsPort: number; caFile: string; msg: string };
  t.equal(entry.caFile, join(dir, 'tls', 'ca.pem'));
  t.match(entry.msg, `NODE_EXTRA_CA_CERTS=${entry.caFile}`);
  const ca = readFileSync(entry.caFile, 'utf8');
  const dispatcher = new Agent({ connect: { ca } });
  t.teardown(() => dispatcher.close());
  t.equal((await fetch(`https://127.0.0.1:${entry.httpsPort}/health`, { dispatcher })).status, 200);
  t.equal(await (await fetch(`${cli.url}/_emulator/tls/ca.pem`)).text(), ca);
  const exit = await stopCli(cli);
  t.same(exit, { code: 0, signal: null }, 'SIGTERM: clean exit with both listeners open');
});

t.test('an HTTPS port in use stops start-up with one line and exit code 2', async (t) => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.teardown(() => blocker.close());
  const port = (blocker.address() as { port: number }).port;
  const run = await runCli({
    FIXTURES: fixture,
    PORT: '0',
    HOST: '127.0.0.1',
    HTTPS_PORT: String(port),
    TLS_DIR: join(dir, 'tls'),
    LOG_LEVEL: 'silent',
  });
  t.equal(run.code, 2);
  t.equal(run.stderr, `cognito-emulator: HTTPS_PORT / --https-port: cannot listen on 127.0.0.1:${port} (EADDRINUSE)\n`);
});
