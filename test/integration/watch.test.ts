// --watch (README, Settings): editing the fixture file reloads it and resets state to it; a broken edit
// is reported and the previous fixtures stay in force.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { SETTINGS } from '../../src/config.js';
import { POOL_ID, TEST_FIXTURE } from '../helpers/fixtures/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

t.test('--watch reloads an edited fixture and keeps the old one when the edit is broken', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-watch-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'fixture.json');
  writeFileSync(file, JSON.stringify(TEST_FIXTURE));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name] of Object.values(SETTINGS)) delete env[name];
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--watch', '--port', '0', '--fixtures', file], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.teardown(() => {
    child.kill('SIGKILL');
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const waitFor = async (pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> => {
    for (const until = Date.now() + ms; Date.now() < until; await sleep(50)) {
      const m = out.match(pattern);
      if (m) return m;
    }
    throw new Error(`timed out waiting for ${pattern}; output: ${out}`);
  };
  const port = (await waitFor(/"port":(\d+)/))[1];
  const base = `http://127.0.0.1:${port}`;
  const mint = async (username: string) =>
    (
      await fetch(`${base}/_emulator/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userPoolId: POOL_ID, clientId: 'publicclient0000000000000a', username, scopes: ['openid'] }),
      })
    ).status;
  t.equal(await mint('zoe'), 404, 'zoe does not exist yet');

  const edited = JSON.parse(JSON.stringify(TEST_FIXTURE)) as { UserPools: Array<{ Users: object[] }> };
  edited.UserPools[0]!.Users.push({ Username: 'zoe', Password: 'Passw0rd!' });
  writeFileSync(file, JSON.stringify(edited));
  await waitFor(/fixtures reloaded/);
  t.equal(await mint('zoe'), 200, 'the edited fixture is in force');

  writeFileSync(file, '{"UserPools": [{"Name": "x", "Bogus": 1}]}');
  await waitFor(/fixtures not reloaded: .*\$\.UserPools\[0\]\.Bogus: unknown field/);
  t.equal(await mint('zoe'), 200, 'a broken edit leaves the previous fixtures in force');
  t.equal((await fetch(`${base}/health`)).status, 200);
});
