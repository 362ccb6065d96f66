// The CLI as shipped: dist/main.js and dist/cli.js as npm run build bundles them (esbuild), which is
// what `npm start`, the package's bin and the Docker image run. The other CLI tests run src/main.ts
// through tsx, so this one checks what bundling could break: the example fixture found through
// import.meta.url, the precompiled fixture validator, the public test keys (bundled) assigned and
// stored in DATA_FILE, a token signed with them, a clean SIGTERM, the exit-2 line for a bad fixture,
// and Node's compile cache filled (where Node has one).
import t from 'tap';
import * as nodeModule from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { runCli, startCli, stopCli } from '../helpers/cli-process.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../fixtures/example.json', import.meta.url));
const EXAMPLE_POOL = 'us-east-1_Example01';

if (!existsSync(MAIN)) {
  // npm ci / npm install build it (the `prepare` script), so CI always has it.
  t.test('the built CLI', { skip: 'dist/main.js is not built: run `npm run build`' }, () => {});
} else {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-built-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));

  t.test('starts with the example fixture (its keys in the fixture)', async (t) => {
    const cli = await startCli({ LOG_LEVEL: 'debug' }, 60_000, 'dist');
    t.teardown(() => stopCli(cli, 'SIGKILL'));
    const jwks = (await (await fetch(`${cli.url}/${EXAMPLE_POOL}/.well-known/jwks.json`)).json()) as { keys: Array<{ n: string }> };
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { UserPools: Array<{ SigningKeys: { IdToken: { n: string } } }> };
    t.equal(jwks.keys[0]?.n, example.UserPools[0]?.SigningKeys.IdToken.n, "the JWKS publishes the fixture's ID-token key");
    // The JSON API's operations are a chunk of their own (dist/cli-operations-*.js), loaded by the first call.
    const api = (target: string, body: unknown) =>
      fetch(cli.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
        body: JSON.stringify(body),
      });
    const [described, refused] = await Promise.all([
      api('DescribeUserPool', { UserPoolId: EXAMPLE_POOL }),
      api('DescribeUserPool', { UserPoolId: 'x' }),
    ]);
    t.equal(described.status, 200, 'DescribeUserPool');
    t.equal(((await described.json()) as { UserPool: { Id: string } }).UserPool.Id, EXAMPLE_POOL);
    t.equal(refused.status, 400, 'the service model checks the input (its constraints are loaded with the operations)');
    t.equal(((await refused.json()) as { __type: string }).__type, 'InvalidParameterException');
    t.equal((await stopCli(cli)).code, 0, 'exit 0 on SIGTERM');
  });

  t.test('the example pool without SigningKeys: its public test keys, verifiable tokens, keys stored, exit 0', async (t) => {
    const dataFile = join(dir, 'state.json');
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { UserPools: Array<Record<string, unknown>> };
    for (const pool of example.UserPools) delete pool.SigningKeys;
    const withoutKeys = join(dir, 'example-without-keys.json');
    writeFileSync(withoutKeys, JSON.stringify(example));
    const cli = await startCli({ LOG_LEVEL: 'debug', DATA_FILE: dataFile, FIXTURES: withoutKeys }, 60_000, 'dist');
    t.teardown(() => stopCli(cli, 'SIGKILL'));
    const url = cli.url;

    t.equal((await fetch(`${url}/health`)).status, 200, '/health (keys ready)');
    const jwks = (await (await fetch(`${url}/${EXAMPLE_POOL}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
    t.equal(jwks.keys.length, 2, 'JWKS with two keys');
    const basic = Buffer.from('2example23456789abcdefghij:backendsecret0123456789abcdefghijklmnopqrstuvwxyz0').toString('base64');
    const res = await fetch(`${url}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    t.equal(res.status, 200, 'client_credentials token');
    const { access_token } = (await res.json()) as { access_token: string };
    const { payload } = await jwtVerify(access_token, createLocalJWKSet(jwks as never));
    t.equal(payload.client_id, '2example23456789abcdefghij', 'signed with a published key');

    t.equal((await stopCli(cli)).code, 0, 'exit 0 on SIGTERM');
    const state = JSON.parse(readFileSync(dataFile, 'utf8')) as { keys: Record<string, unknown> };
    t.ok(state.keys[EXAMPLE_POOL], 'the keys are in DATA_FILE');
  });

  t.test("the bundles are what runs, and Node's compile cache keeps them compiled", async (t) => {
    const main = readFileSync(MAIN, 'utf8');
    t.match(main, /^#!\/usr\/bin\/env node\n/, 'the bin keeps its #! line');
    const cli = readFileSync(join(dirname(MAIN), 'cli.js'), 'utf8');
    t.match(cli, /^import \{ createRequire as __bundleCreateRequire \}/, 'dist/cli.js is bundled (npm run build, not a bare tsc)');
    const hasCompileCache = 'enableCompileCache' in nodeModule;
    // os.tmpdir() follows TMPDIR: main.ts's default cache directory lands in this test's directory.
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const { code, stdout } = await runCli({ TMPDIR: tmp }, 60_000, 'dist', ['--help']);
    t.equal(code, 0, '--help exits 0');
    t.match(stdout, /Usage: cognito-emulator/);
    const cache = join(tmp, 'node-compile-cache');
    if (!hasCompileCache) {
      t.notOk(existsSync(cache), `Node ${process.version} has no compile cache: none is written`);
      return;
    }
    const versions = readdirSync(cache);
    t.equal(versions.length, 1, `a cache for this Node (${versions.join(', ')})`);
    t.ok(readdirSync(join(cache, versions[0]!)).length > 0, 'holding compiled modules');
  });

  t.test('a fixture the schema rejects: one line naming the JSON path, exit 2', async (t) => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ UserPools: [{ Name: 'p', Clients: [{ ClientName: 'c', Bogus: 1 }] }] }));
    const { code, stderr } = await runCli({ PORT: '0', FIXTURES: bad }, 60_000, 'dist');
    t.equal(code, 2);
    t.equal(stderr, `cognito-emulator: ${bad}: $.UserPools[0].Clients[0].Bogus: unknown field (a typo?)\n`);
  });
}
