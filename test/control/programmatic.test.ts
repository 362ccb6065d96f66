// The programmatic API (README, Programmatic API): startEmulator from a Node test runner, no Docker.
import t from 'tap';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { startEmulator } from '../../src/index.js';
import { TEST_FIXTURE, POOL_ID, PUBLIC_CLIENT, M2M_CLIENT, M2M_SECRET } from '../helpers/fixtures/index.js';

t.test('startEmulator with a fixture object: url, issuer, reset, clock, stop', async (t) => {
  const emulator = await startEmulator({
    fixtures: TEST_FIXTURE as never,
    issuerUrl: 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}',
  });
  t.teardown(() => emulator.stop());
  t.match(emulator.url, /^http:\/\/localhost:\d+$/);
  t.equal(emulator.issuer(POOL_ID), `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`);
  const health = await fetch(`${emulator.url}/health`);
  t.equal(health.status, 200);

  const token = async () => {
    const res = await fetch(`${emulator.url}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${M2M_CLIENT}:${M2M_SECRET}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    t.equal(res.status, 200);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const verifier = CognitoJwtVerifier.create({ userPoolId: POOL_ID, tokenUse: 'access', clientId: M2M_CLIENT });
  verifier.cacheJwks((await (await fetch(`${emulator.url}/${POOL_ID}/.well-known/jwks.json`)).json()) as never);
  const payload = await verifier.verify(await token());
  t.equal(payload.client_id, M2M_CLIENT);

  emulator.setClockOffset(86400);
  const later = JSON.parse(Buffer.from((await token()).split('.')[1]!, 'base64url').toString()) as { iat: number };
  t.ok(later.iat > Date.now() / 1000 + 86000, 'tokens follow the moved clock');
  await emulator.reset();
  const reset = JSON.parse(Buffer.from((await token()).split('.')[1]!, 'base64url').toString()) as { iat: number };
  t.ok(Math.abs(reset.iat - Date.now() / 1000) < 5, 'reset returns to real time');
});

t.test('startEmulator with the default (example) fixture and a path', async (t) => {
  const emulator = await startEmulator();
  t.teardown(() => emulator.stop());
  const res = await fetch(`${emulator.url}/us-east-1_Example01/.well-known/openid-configuration`);
  t.equal(res.status, 200);
  t.equal(((await res.json()) as { issuer: string }).issuer, `${emulator.url}/us-east-1_Example01`);
  const login = await fetch(`${emulator.url}/login?response_type=code&client_id=${PUBLIC_CLIENT}&redirect_uri=x`, { redirect: 'manual' });
  t.equal(login.status, 302, 'a client of another fixture is unknown here');
});

t.test('startEmulator with a bad fixture rejects with a StartupError naming the JSON path', async (t) => {
  await t.rejects(startEmulator({ fixtures: { UserPools: [{ Name: 'x', Bogus: 1 }] } as never }), {
    name: 'StartupError',
    message: '(fixture object): $.UserPools[0].Bogus: unknown field (a typo?)',
  });
});
