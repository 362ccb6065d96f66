// Pools without SigningKeys get three of the public test keys shipped with the package, chosen
// from the pool id: nothing is generated, the same id gets the same keys in every process, the
// ID, access and refresh keys of a pool differ, fixture SigningKeys win, and stored keys stay.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createEmulator } from '../../src/emulator.js';
import { parseFixture } from '../../src/fixtures/load.js';
import { kidOf } from '../../src/tokens/keys.js';
import { testPoolKeys } from '../../src/tokens/test-keys.js';
import { TEST_KEYS } from '../../src/tokens/test-keys.generated.js';
import { PUBLIC_URL } from '../helpers/harness.js';
import { SIGNING_KEYS } from '../helpers/fixtures/index.js';

t.test('three different keys per pool, the same for the same id, spread over the set', async (t) => {
  t.ok(TEST_KEYS.length >= 64, `${TEST_KEYS.length} keys shipped`);
  const kids = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const keys = await testPoolKeys(`us-east-1_Pool${i}`);
    const three = [keys.IdToken, keys.AccessToken, keys.RefreshToken].map(kidOf);
    t.equal(new Set(three).size, 3, `pool ${i}: three different keys`);
    t.same(
      [(await testPoolKeys(`us-east-1_Pool${i}`)).IdToken.n, (await testPoolKeys(`us-east-1_Pool${i}`)).AccessToken.n],
      [keys.IdToken.n, keys.AccessToken.n],
    );
    for (const kid of three) kids.add(kid);
  }
  t.ok(kids.size > 48, `200 pools use ${kids.size} of the keys`);
  t.equal((await testPoolKeys('us-east-1_Pool1')).IdToken.kty, 'RSA');
});

t.test('an emulator: keys at once, stored, the same after a restart and in a second process; SigningKeys win', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-test-keys-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = parseFixture(
    'f.json',
    JSON.stringify({
      UserPools: [
        { Id: 'us-east-1_Keyless1', Name: 'keyless' },
        { Id: 'us-east-1_Keyed0001', Name: 'keyed', SigningKeys: SIGNING_KEYS },
      ],
    }),
  );
  const start = (dataFile?: string) =>
    createEmulator({ config: { ...loadConfig([], {}), publicUrl: PUBLIC_URL, ...(dataFile ? { dataFile } : {}) }, fixtures: [fixture] });
  const jwks = async (e: Awaited<ReturnType<typeof start>>, pool: string) =>
    ((await e.app.inject({ url: `/${pool}/.well-known/jwks.json` })).json() as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);

  const dataFile = join(dir, 'data.json');
  const first = await start(dataFile);
  const keyless = await jwks(first, 'us-east-1_Keyless1');
  const expected = await testPoolKeys('us-east-1_Keyless1');
  t.same(keyless, [kidOf(expected.IdToken), kidOf(expected.AccessToken)], 'the pool’s test keys in its JWKS');
  t.same(
    await jwks(first, 'us-east-1_Keyed0001'),
    [kidOf(SIGNING_KEYS.IdToken as never), kidOf(SIGNING_KEYS.AccessToken as never)],
    'fixture SigningKeys win',
  );
  t.equal(first.deps.store.getKeys('us-east-1_Keyless1')?.IdToken.n, expected.IdToken.n, 'stored');
  await first.app.close();
  const second = await start(dataFile);
  t.same(await jwks(second, 'us-east-1_Keyless1'), keyless, 'same after a restart');
  await second.app.close();
  const parallel = await start();
  t.same(await jwks(parallel, 'us-east-1_Keyless1'), keyless, 'same in another emulator without DATA_FILE');
  await parallel.app.close();
});
