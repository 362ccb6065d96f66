// grant_type=authorization_code
// (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html): single use, 5
// minutes, same client, same redirect_uri (a mismatch is unauthorized_client), PKCE S256.
import t from 'tap';
import { testEmulator } from '../../helpers/harness.js';
import { CALLBACK, POOL_ID, PUBLIC_CLIENT, SECRET, SECRET_CLIENT } from '../../helpers/fixtures/index.js';
import { pkcePair, postForm, redeemCode, signIn } from '../../helpers/flow.js';

t.test('a code redeems once', async (t) => {
  const { app } = await testEmulator(t);
  const { code } = await signIn(app);
  const first = await redeemCode(app, { code });
  t.equal(first.statusCode, 200);
  const second = await redeemCode(app, { code });
  t.equal(second.statusCode, 400);
  t.same(second.json(), { error: 'invalid_grant' });
});

t.test('bad codes → invalid_grant', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, string]> = [
    ['unknown code', '00000000-0000-4000-8000-000000000000'],
    ['not a uuid', 'garbage'],
    ['prototype key', '__proto__'],
    ['very long', 'x'.repeat(8193)],
  ];
  for (const [name, code] of cases) {
    const res = await redeemCode(app, { code });
    t.equal(res.statusCode, 400, `${name}: status`);
    t.same(res.json(), { error: name === 'very long' ? 'invalid_request' : 'invalid_grant' }, `${name}: body`);
  }
  // A code differing in case from a real one is another code.
  const { code } = await signIn(app);
  const upper = await redeemCode(app, { code: code.toUpperCase() });
  t.same(upper.json(), { error: 'invalid_grant' });
});

t.test('codes expire after 5 minutes', async (t) => {
  const { app, clock } = await testEmulator(t);
  const early = await signIn(app);
  const late = await signIn(app);
  clock.offsetMs = 290 * 1000;
  t.equal((await redeemCode(app, { code: early.code })).statusCode, 200, 'valid at 290 s');
  clock.offsetMs = 301 * 1000;
  const res = await redeemCode(app, { code: late.code });
  t.equal(res.statusCode, 400);
  t.same(res.json(), { error: 'invalid_grant' }, 'expired at 301 s');
});

t.test('a code is bound to its client', async (t) => {
  const { app } = await testEmulator(t);
  // Issued to the public client, redeemed by the confidential one (which authenticates fine).
  const { code } = await signIn(app, { scope: 'openid' });
  const res = await redeemCode(app, { code, clientId: SECRET_CLIENT, secret: SECRET });
  t.equal(res.statusCode, 400);
  t.same(res.json(), { error: 'invalid_grant' });
  // The failed attempt used the code up: a one-time code never survives an exchange attempt.
  t.same((await redeemCode(app, { code })).json(), { error: 'invalid_grant' });

  const other = await signIn(app, { clientId: SECRET_CLIENT, scope: 'openid' });
  const byPublic = await redeemCode(app, { code: other.code });
  t.same(byPublic.json(), { error: 'invalid_grant' }, 'confidential code redeemed by the public client');
});

t.test('redirect_uri must equal the authorize request’s → unauthorized_client', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, string | undefined]> = [
    ['trailing slash', `${CALLBACK}/`],
    ['other registered callback', 'myapp://callback'],
    ['unregistered', 'https://evil.example/cb'],
    ['missing', undefined],
  ];
  for (const [name, redirectUri] of cases) {
    const { code } = await signIn(app);
    const fields: Record<string, string> = { grant_type: 'authorization_code', client_id: PUBLIC_CLIENT, code };
    if (redirectUri !== undefined) fields.redirect_uri = redirectUri;
    const res = await postForm(app, '/oauth2/token', fields);
    t.equal(res.statusCode, 400, `${name}: status`);
    t.same(res.json(), { error: 'unauthorized_client' }, `${name}: body`);
  }
  // The custom-scheme callback works when it is the one that was used.
  const custom = await signIn(app, { redirectUri: 'myapp://callback' });
  t.equal((await redeemCode(app, { code: custom.code, redirectUri: 'myapp://callback' })).statusCode, 200);
});

t.test('PKCE: the verifier must match the S256 challenge', async (t) => {
  const { app } = await testEmulator(t);
  const { verifier, challenge } = pkcePair();
  const other = pkcePair();
  const cases: Array<[string, string | undefined]> = [
    ['missing verifier', undefined],
    ['wrong verifier', other.verifier],
    ['challenge sent as verifier', challenge],
    ['verifier too short', verifier.slice(0, 42)],
    ['verifier with a bad character', `${verifier.slice(0, -1)}+`],
    ['empty verifier', ''],
  ];
  for (const [name, codeVerifier] of cases) {
    const { code } = await signIn(app, { codeChallenge: challenge });
    const res = await redeemCode(app, { code, ...(codeVerifier !== undefined ? { codeVerifier } : {}) });
    t.equal(res.statusCode, 400, `${name}: status`);
    t.same(res.json(), { error: 'invalid_grant' }, `${name}: body`);
  }
  const { code } = await signIn(app, { codeChallenge: challenge });
  t.equal((await redeemCode(app, { code, codeVerifier: verifier })).statusCode, 200, 'right verifier');
});

t.test('20 concurrent redemptions of one code → exactly one 200', async (t) => {
  const { app } = await testEmulator(t);
  const { code } = await signIn(app, { scope: 'openid' });
  const results = await Promise.all(Array.from({ length: 20 }, () => redeemCode(app, { code })));
  const statuses = results.map((r) => r.statusCode).sort();
  t.same(statuses, [200, ...Array<number>(19).fill(400)]);
  for (const r of results.filter((x) => x.statusCode === 400)) t.same(r.json(), { error: 'invalid_grant' });
});

t.test('a user disabled after sign-in cannot redeem the code', async (t) => {
  const { app, deps } = await testEmulator(t);
  const { code } = await signIn(app);
  const alice = deps.store.getUser(POOL_ID, 'alice');
  if (!alice) throw new Error('no alice');
  await deps.store.putUser({ ...alice, Enabled: false });
  const res = await redeemCode(app, { code });
  t.same(res.json(), { error: 'invalid_grant' });
});

t.test('scope omitted at authorize → every scope of the client', async (t) => {
  const { app } = await testEmulator(t);
  const { code } = await signIn(app);
  const res = await redeemCode(app, { code });
  const body = res.json() as { access_token: string; id_token?: string };
  const payload = JSON.parse(Buffer.from(body.access_token.split('.')[1] ?? '', 'base64url').toString()) as { scope: string };
  t.equal(payload.scope, 'openid email phone profile aws.cognito.signin.user.admin https://api.test.example/read');
  t.type(body.id_token, 'string');
});
