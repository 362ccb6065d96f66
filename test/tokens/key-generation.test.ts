// Keys generated for pools without SigningKeys do not hold up building the emulator (issue 6):
// requests that need them, and /health (the contract: 200 once keys are ready), wait for them, and
// they are stored (DATA_FILE) before the last write at shutdown.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createEmulator } from '../../src/emulator.js';
import { parseFixture } from '../../src/fixtures/load.js';
import type { PrivateJwk } from '../../src/domain/model.js';
import { kidOf } from '../../src/tokens/keys.js';
import { PUBLIC_URL } from '../helpers/build-test-app.js';
import { M2M_CLIENT, M2M_SECRET, POOL_ID, SIGNING_KEYS, TEST_FIXTURE } from '../helpers/fixture.js';

/** A key supply whose keys arrive when the test says so. */
function heldSupply() {
  const keys = [SIGNING_KEYS.IdToken, SIGNING_KEYS.AccessToken, SIGNING_KEYS.RefreshToken] as unknown as PrivateJwk[];
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  const pending = keys.map((k) => released.then(() => k));
  return { supply: { take: () => pending.shift() }, release, taken: () => keys.length - pending.length };
}

/** The test fixture's first pool without its SigningKeys: its keys must be generated. */
function fixtureWithoutKeys() {
  const [pool] = TEST_FIXTURE.UserPools;
  const { SigningKeys: _, ...rest } = pool as typeof pool & { SigningKeys?: unknown };
  return [parseFixture('f.json', JSON.stringify({ UserPools: [rest] }))];
}

t.test('building the emulator does not wait for key generation; /health and requests that need the keys do', async (t) => {
  const held = heldSupply();
  const config = { ...loadConfig([], {}), publicUrl: PUBLIC_URL, fixtures: undefined };
  const emulator = await createEmulator({ config, fixtures: fixtureWithoutKeys(), keySupply: held.supply });
  t.teardown(() => emulator.app.close());
  t.equal(held.taken(), 3, 'the pool took its three keys from the supply');

  let healthDone = false;
  const health = emulator.app.inject({ url: '/health' }).then((r) => { healthDone = true; return r; });
  t.equal((await emulator.app.inject({ url: `/${POOL_ID}/.well-known/openid-configuration` })).statusCode, 200,
    'what needs no keys is served meanwhile');
  let jwksDone = false;
  const jwks = emulator.app.inject({ url: `/${POOL_ID}/.well-known/jwks.json` }).then((r) => { jwksDone = true; return r; });
  const token = emulator.app.inject({
    method: 'POST', url: '/oauth2/token', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: M2M_CLIENT, client_secret: M2M_SECRET }).toString(),
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.notOk(jwksDone, 'the JWKS request waits for the keys');
  t.notOk(healthDone, '/health waits for the keys');

  held.release();
  const [healthReply, jwksReply, tokenReply] = await Promise.all([health, jwks, token]);
  t.same(healthReply.json(), { status: 'ok' }, '/health: 200 once the keys exist');
  t.equal(jwksReply.statusCode, 200);
  t.same((jwksReply.json() as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid),
    [kidOf(SIGNING_KEYS.IdToken as unknown as PrivateJwk), kidOf(SIGNING_KEYS.AccessToken as unknown as PrivateJwk)], 'the generated keys are published');
  t.equal(tokenReply.statusCode, 200, 'a token request made meanwhile is answered once the keys exist');
});

t.test('keys still being generated at shutdown are written to DATA_FILE', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-keys-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const dataFile = join(dir, 'state.json');
  const held = heldSupply();
  const config = { ...loadConfig([], {}), publicUrl: PUBLIC_URL, fixtures: undefined, dataFile };
  const emulator = await createEmulator({ config, fixtures: fixtureWithoutKeys(), keySupply: held.supply });
  const closed = emulator.app.close();
  setTimeout(() => held.release(), 20);
  await closed;
  const state = JSON.parse(readFileSync(dataFile, 'utf8')) as { keys: Record<string, { IdToken: { n: string } }> };
  t.equal(state.keys[POOL_ID]?.IdToken.n, (SIGNING_KEYS.IdToken as { n: string }).n, 'the pool\'s keys were stored');
});

t.test('a key generation that fails: /health says so with 503, never 200 or a crash', async (t) => {
  const failing = Promise.reject(new Error('no entropy'));
  failing.catch(() => undefined);
  const config = { ...loadConfig([], {}), publicUrl: PUBLIC_URL, fixtures: undefined };
  const emulator = await createEmulator({ config, fixtures: fixtureWithoutKeys(), keySupply: { take: () => failing } });
  t.teardown(() => emulator.app.close());
  const res = await emulator.app.inject({ url: '/health' });
  t.equal(res.statusCode, 503);
  t.same(res.json(), { status: 'error', message: 'signing keys could not be generated' });
});
