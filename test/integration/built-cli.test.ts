// The CLI as shipped: dist/main.js compiling dist/cli.bundle.cjs (one esbuild bundle) with the V8
// code cache npm run build recorded, which is what `npm start`, the package's bin and the Docker image
// run. The other CLI tests run src/main.ts through tsx, so this one checks what bundling could break:
// the code cache accepted, the example fixture found through the rewritten import.meta.url, the
// precompiled fixture validator, keys generated after listening and stored in DATA_FILE, a token
// signed with them, a clean SIGTERM, and the exit-2 line for a bad fixture.
import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { SETTINGS } from '../../src/config.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const EXAMPLE_POOL = 'us-east-1_Example01';

if (!existsSync(MAIN)) {
  // npm ci / npm install build it (the `prepare` script), so CI always has it.
  t.test('the built CLI', { skip: 'dist/main.js is not built: run `npm run build`' }, () => {});
} else {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-built-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));

  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
    const clean: NodeJS.ProcessEnv = { ...process.env };
    for (const [name] of Object.values(SETTINGS)) delete clean[name];
    delete clean.NODE_OPTIONS;
    return { ...clean, PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'debug', ...extra };
  };

  t.test('starts on the example fixture, issues verifiable tokens, stores its keys, exits 0', async (t) => {
    const dataFile = join(dir, 'state.json');
    const child = spawn(process.execPath, [MAIN], { env: env({ DATA_FILE: dataFile }), stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    t.teardown(() => { child.kill('SIGKILL'); });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /listening on (http:\/\/\S+?) /.exec(stdout);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then(() => reject(new Error(`exited before listening: ${stdout}`)));
    });

    t.match(stdout, /"codeCache":"accepted"/, 'the bundle was compiled from the code cache made by npm run build');
    t.equal((await fetch(`${url}/health`)).status, 200, '/health');
    const jwks = await (await fetch(`${url}/${EXAMPLE_POOL}/.well-known/jwks.json`)).json() as { keys: Array<{ kid: string }> };
    t.equal(jwks.keys.length, 2, 'JWKS with two generated keys');
    const basic = Buffer.from('2example23456789abcdefghij:backendsecret0123456789abcdefghijklmnopqrstuvwxyz0').toString('base64');
    const res = await fetch(`${url}/oauth2/token`, {
      method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    t.equal(res.status, 200, 'client_credentials token');
    const { access_token } = await res.json() as { access_token: string };
    const { payload } = await jwtVerify(access_token, createLocalJWKSet(jwks as never));
    t.equal(payload.client_id, '2example23456789abcdefghij', 'signed with a published key');

    child.kill('SIGTERM');
    t.equal(await exited, 0, 'exit 0 on SIGTERM');
    const state = JSON.parse(readFileSync(dataFile, 'utf8')) as { keys: Record<string, unknown> };
    t.ok(state.keys[EXAMPLE_POOL], 'the generated keys are in DATA_FILE');
  });

  t.test('a fixture the schema rejects: one line naming the JSON path, exit 2', async (t) => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ UserPools: [{ Name: 'p', Clients: [{ ClientName: 'c', Bogus: 1 }] }] }));
    const child = spawn(process.execPath, [MAIN], { env: env({ FIXTURES: bad }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    t.equal(code, 2);
    t.equal(stderr, `cognito-emulator: ${bad}: $.UserPools[0].Clients[0].Bogus: unknown field (a typo?)\n`);
  });
}
