// Claim customisation without Lambdas (README, Claim customisation): pool, client and user layers, attribute
// placeholders, suppression, and the claims no trigger may touch.
import t from 'tap';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { testEmulator } from '../helpers/harness.js';
import { TEST_FIXTURE, POOL_ID, PUBLIC_CLIENT, M2M_CLIENT, M2M_SECRET } from '../helpers/fixtures/index.js';
import { postForm, basicAuth, signInForTokens, verifyToken } from '../helpers/flow.js';
import { parseFixture } from '../../src/fixtures/load.js';
import { planSeed } from '../../src/fixtures/seed.js';
import { openLowdbStore } from '../../src/store/lowdb-store.js';

type Fixture = typeof TEST_FIXTURE;
const clone = (): Fixture => JSON.parse(JSON.stringify(TEST_FIXTURE)) as Fixture;

function customized(): Fixture {
  const f = clone() as unknown as {
    UserPools: Array<Record<string, unknown> & { Clients: Array<Record<string, unknown>>; Users: Array<Record<string, unknown>> }>;
  };
  const pool = f.UserPools[0]!;
  pool.TokenCustomization = {
    IdToken: {
      ClaimsToAddOrOverride: { tenant: '${custom:tier}-tenant', 'https://example.com/roles': ['a', 'b'] },
      ClaimsToSuppress: ['phone_number'],
    },
    AccessToken: { ClaimsToAddOrOverride: { tenant: 'pool-level', level: 1 } },
  };
  pool.Clients.find((c) => c.ClientId === PUBLIC_CLIENT)!.TokenCustomization = {
    AccessToken: { ClaimsToAddOrOverride: { level: 2, app: 'spa' } },
  };
  pool.Clients.find((c) => c.ClientId === M2M_CLIENT)!.TokenCustomization = {
    AccessToken: { ClaimsToAddOrOverride: { machine: true } },
  };
  pool.Users.find((u) => u.Username === 'alice')!.TokenCustomization = {
    IdToken: { ClaimsToAddOrOverride: { nickname: 'Al' }, ClaimsToSuppress: ['family_name'] },
    AccessToken: { ClaimsToAddOrOverride: { level: 3 } },
  };
  return f as unknown as Fixture;
}

t.test('pool, client and user layers apply in order, with attribute placeholders', async (t) => {
  const { app } = await testEmulator(t, { fixture: customized() });
  const tokens = await signInForTokens(app, { scope: 'openid email phone profile' });
  const { payload: id } = await verifyToken(app, tokens.id_token!, { audience: PUBLIC_CLIENT });
  t.equal(id.tenant, 'gold-tenant', 'attribute-driven claim');
  t.same(id['https://example.com/roles'], ['a', 'b']);
  t.equal(id.nickname, 'Al', 'user layer adds');
  t.notOk('phone_number' in id, 'pool layer suppresses');
  t.notOk('family_name' in id, 'user layer suppresses');
  t.equal(id.given_name, 'Alice', 'other claims untouched');
  t.equal(id.token_use, 'id');
  const { payload: access } = await verifyToken(app, tokens.access_token);
  t.equal(access.tenant, 'pool-level');
  t.equal(access.level, 3, 'user layer wins over client and pool');
  t.equal(access.app, 'spa', 'client layer');
  t.equal(access.username, 'alice');
  t.equal(access.scope, 'openid email phone profile');

  // aws-jwt-verify accepts the customised tokens (AWS issuer mode is covered elsewhere; here the
  // claims are what matters).
  const res = await postForm(
    app,
    '/oauth2/token',
    { grant_type: 'client_credentials' },
    { headers: { authorization: basicAuth(M2M_CLIENT, M2M_SECRET) } },
  );
  const { payload: m2m } = await verifyToken(app, res.json().access_token);
  t.equal(m2m.machine, true, 'client layer on client_credentials tokens');
  t.equal(m2m.tenant, 'pool-level', 'pool layer on client_credentials tokens');
  t.equal(m2m.sub, M2M_CLIENT);
});

t.test('customised tokens verify with aws-jwt-verify in AWS issuer mode', async (t) => {
  const { app } = await testEmulator(t, {
    fixture: customized(),
    config: { issuerUrl: 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}' },
  });
  const tokens = await signInForTokens(app, { scope: 'openid email' });
  const verifier = CognitoJwtVerifier.create({ userPoolId: POOL_ID, tokenUse: 'access', clientId: PUBLIC_CLIENT });
  verifier.cacheJwks((await app.inject({ url: `/${POOL_ID}/.well-known/jwks.json` })).json());
  const payload = await verifier.verify(tokens.access_token);
  t.equal(payload.level, 3);
});

t.test('protected claims cannot be customised: the fixture is refused with the JSON path', async (t) => {
  const cases: Array<[(f: Record<string, any>) => void, string]> = [
    [
      (f) => {
        f.UserPools[0].TokenCustomization = { IdToken: { ClaimsToAddOrOverride: { iss: 'x' } } };
      },
      '$.UserPools[0].TokenCustomization.IdToken.ClaimsToAddOrOverride.iss',
    ],
    [
      (f) => {
        f.UserPools[0].TokenCustomization = { AccessToken: { ClaimsToSuppress: ['scope', 'sub'] } };
      },
      '$.UserPools[0].TokenCustomization.AccessToken.ClaimsToSuppress[0]',
    ],
    [
      (f) => {
        f.UserPools[0].Clients[0].TokenCustomization = { IdToken: { ClaimsToAddOrOverride: { 'cognito:groups': [] } } };
      },
      '$.UserPools[0].Clients[0].TokenCustomization.IdToken.ClaimsToAddOrOverride["cognito:groups"]',
    ],
    [
      (f) => {
        f.UserPools[0].Users[0].TokenCustomization = { AccessToken: { ClaimsToSuppress: ['token_use'] } };
      },
      '$.UserPools[0].Users[0].TokenCustomization.AccessToken.ClaimsToSuppress[0]',
    ],
    [
      (f) => {
        f.UserPools[0].TokenCustomization = { IdToken: { Add: {} } };
      },
      '$.UserPools[0].TokenCustomization.IdToken.Add',
    ],
  ];
  const store = await openLowdbStore();
  for (const [mutate, path] of cases) {
    const f = clone() as unknown as Record<string, any>;
    mutate(f);
    t.throws(
      () => planSeed([parseFixture('f.json', JSON.stringify(f))], store, Date.now()),
      { name: 'StartupError', message: new RegExp(`^f\\.json: ${path.replace(/[[\]$.()"]/g, '\\$&')}: `) },
      path,
    );
  }
});
