// GET/POST /oauth2/userInfo
// (https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html): attributes by
// scope, *_verified as strings, errors in WWW-Authenticate, and server-side refusal of tokens that
// still verify offline.
import t, { type Test } from 'tap';
import { generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { testEmulator } from '../helpers/harness.js';
import { API, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { postForm, signInForTokens, verifyToken } from '../helpers/flow.js';
import {
  BAD_REQUEST_AUTH,
  clientCredentials,
  INVALID_TOKEN_AUTH,
  NO_OPENID_AUTH,
  NO_STORE,
  revoke,
  userInfo,
} from '../helpers/oauth-flow.js';

type Injected = Awaited<ReturnType<typeof userInfo>>;

const ALICE_ALL = {
  email: 'alice@example.com',
  email_verified: 'true',
  given_name: 'Alice',
  family_name: 'Liddell',
  phone_number: '+15555550100',
  phone_number_verified: 'false',
  'custom:tier': 'gold',
};

function expectInvalidToken(t: Test, res: Injected, name: string, auth = INVALID_TOKEN_AUTH) {
  t.equal(res.statusCode, 401, `${name}: 401`);
  t.equal(res.headers['www-authenticate'], auth, `${name}: WWW-Authenticate`);
  t.equal(res.headers['cache-control'], NO_STORE, `${name}: no-store`);
}

t.test('GET and POST: scope decides the attributes; *_verified are strings', async (t) => {
  const { app, deps } = await testEmulator(t);
  const sub = deps.store.getUser(POOL_ID, 'alice')!.Attributes.sub!;
  const cases: Array<[string, Record<string, string>]> = [
    ['openid', { sub, ...ALICE_ALL, username: 'alice' }],
    ['openid email', { sub, email: ALICE_ALL.email, email_verified: 'true', username: 'alice' }],
    ['openid phone', { sub, phone_number: ALICE_ALL.phone_number, phone_number_verified: 'false', username: 'alice' }],
    ['openid profile', { sub, given_name: 'Alice', family_name: 'Liddell', 'custom:tier': 'gold', username: 'alice' }],
    [
      'openid email phone',
      {
        sub,
        email: ALICE_ALL.email,
        email_verified: 'true',
        phone_number: ALICE_ALL.phone_number,
        phone_number_verified: 'false',
        username: 'alice',
      },
    ],
    // aws.cognito.signin.user.admin and custom scopes do not narrow anything.
    [`openid aws.cognito.signin.user.admin ${API}/read`, { sub, ...ALICE_ALL, username: 'alice' }],
  ];
  for (const [scope, expected] of cases) {
    const { access_token } = await signInForTokens(app, { scope });
    for (const method of ['GET', 'POST'] as const) {
      const res = await userInfo(app, access_token, method);
      t.equal(res.statusCode, 200, `${scope} ${method}: status`);
      t.same(res.json(), expected, `${scope} ${method}: body`);
      t.same(Object.keys(res.json() as object).sort(), Object.keys(expected).sort(), `${scope} ${method}: exactly these keys`);
      t.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
      t.equal(res.headers['cache-control'], NO_STORE, `${scope} ${method}: no-store`);
    }
  }
});

t.test('POST with the token in a form body (RFC 6750 §2.2)', async (t) => {
  const { app } = await testEmulator(t);
  const { access_token } = await signInForTokens(app, { scope: 'openid email' });
  const res = await postForm(app, '/oauth2/userInfo', { access_token });
  t.equal(res.statusCode, 200);
  t.equal((res.json() as Record<string, string>).email, 'alice@example.com');
});

t.test('ReadAttributes limit what userInfo returns', async (t) => {
  const { app, deps } = await testEmulator(t);
  const client = deps.store.getClient(PUBLIC_CLIENT)!;
  await deps.store.putClient({ ...client, ReadAttributes: ['email', 'email_verified'] });
  const { access_token } = await signInForTokens(app, { scope: 'openid' });
  const res = await userInfo(app, access_token);
  const sub = deps.store.getUser(POOL_ID, 'alice')!.Attributes.sub!;
  t.same(res.json(), { sub, email: 'alice@example.com', email_verified: 'true', username: 'alice' });
});

t.test('no token → 400 invalid_request in WWW-Authenticate', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, Promise<Injected>]> = [
    ['GET without Authorization', userInfo(app, undefined)],
    ['POST without Authorization', userInfo(app, undefined, 'POST')],
    ['Basic instead of Bearer', app.inject({ url: '/oauth2/userInfo', headers: { authorization: 'Basic YTpi' } })],
    ['Bearer without a token', app.inject({ url: '/oauth2/userInfo', headers: { authorization: 'Bearer ' } })],
  ];
  for (const [name, pending] of cases) {
    const res = await pending;
    t.equal(res.statusCode, 400, `${name}: 400`);
    t.equal(res.headers['www-authenticate'], BAD_REQUEST_AUTH, `${name}: WWW-Authenticate`);
  }
});

t.test('garbage, tampered, wrong-signature, ID token → 401 invalid_token', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  const [h, p, s] = tokens.access_token.split('.') as [string, string, string];
  const claims = decodeJwt(tokens.access_token);
  const tampered = Buffer.from(JSON.stringify({ ...claims, username: 'bob' })).toString('base64url');
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT(claims)
    .setProtectedHeader(decodeProtectedHeader(tokens.access_token) as { alg: 'RS256'; kid: string })
    .sign(privateKey);
  const cases: Array<[string, string]> = [
    ['garbage', 'not-a-token'],
    ['three garbage parts', 'aaa.bbb.ccc'],
    ['payload tampered', `${h}.${tampered}.${s}`],
    ['signature of another key, same kid', forged],
    ['signature stripped', `${h}.${p}.`],
    ['an ID token', tokens.id_token!],
    ['a refresh token', tokens.refresh_token!],
  ];
  for (const [name, token] of cases) expectInvalidToken(t, await userInfo(app, token), name);
});

t.test('expired token → 401 (clock moved past exp)', async (t) => {
  const { app, clock } = await testEmulator(t);
  const { access_token } = await signInForTokens(app, { scope: 'openid' });
  const exp = decodeJwt(access_token).exp!;
  clock.offsetMs = exp * 1000 - 1500 - Date.now(); // 1.5 s before exp
  t.ok(clock.now() < exp * 1000, 'still before exp');
  t.equal((await userInfo(app, access_token)).statusCode, 200, 'valid until exp');
  clock.offsetMs = exp * 1000 - Date.now() + 1000;
  expectInvalidToken(t, await userInfo(app, access_token), 'expired');
});

t.test('tokens without openid → 401', async (t) => {
  const { app, deps } = await testEmulator(t);
  const m2m = await clientCredentials(app);
  expectInvalidToken(t, await userInfo(app, (m2m.json() as { access_token: string }).access_token), 'client_credentials token');

  const noOpenid = await signInForTokens(app, { scope: 'aws.cognito.signin.user.admin' });
  expectInvalidToken(t, await userInfo(app, noOpenid.access_token), 'OAuth token without openid', NO_OPENID_AUTH);

  const api = await deps.tokens.userTokens({
    client: deps.store.getClient(PUBLIC_CLIENT)!,
    user: deps.store.getUser(POOL_ID, 'alice')!,
    scopes: ['aws.cognito.signin.user.admin'],
    channel: 'api',
    withRefreshToken: false,
  });
  await verifyToken(app, api.access_token);
  expectInvalidToken(t, await userInfo(app, api.access_token), 'JSON-API token', NO_OPENID_AUTH);
});

t.test('after revoking the refresh token its access token → 401, though it still verifies', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  t.equal((await userInfo(app, tokens.access_token)).statusCode, 200, 'works before');
  const res = await revoke(app, { token: tokens.refresh_token! }, { clientId: PUBLIC_CLIENT });
  t.equal(res.statusCode, 200);
  await verifyToken(app, tokens.access_token);
  t.pass('still verifies offline with jose');
  expectInvalidToken(t, await userInfo(app, tokens.access_token), 'revoked family');
});

t.test('global sign-out → 401 for earlier tokens; tokens issued afterwards (same second) work', async (t) => {
  const { app, deps, clock } = await testEmulator(t);
  // Freeze time a quarter second into a second, so the sign-out and the new sign-in share it.
  const frozen = Math.floor(Date.now() / 1000) * 1000 + 250;
  clock.now = () => frozen;
  const before = await signInForTokens(app, { scope: 'openid' });
  t.equal((await userInfo(app, before.access_token)).statusCode, 200);

  const alice = deps.store.getUser(POOL_ID, 'alice')!;
  await deps.store.putUser({ ...alice, TokensRevokedAt: deps.clock.now() });
  await verifyToken(app, before.access_token, { now: frozen });
  expectInvalidToken(t, await userInfo(app, before.access_token), 'token from before the sign-out');

  const after = await signInForTokens(app, { scope: 'openid' });
  t.equal(Math.floor(frozen / 1000), Math.floor(deps.clock.now() / 1000), 'same second as the sign-out');
  const res = await userInfo(app, after.access_token);
  t.equal(res.statusCode, 200, 'token from after the sign-out works');
  t.equal((res.json() as Record<string, string>).username, 'alice');
});

t.test('disabled or deleted user → 401', async (t) => {
  const { app, deps } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  const alice = deps.store.getUser(POOL_ID, 'alice')!;
  await deps.store.putUser({ ...alice, Enabled: false });
  expectInvalidToken(t, await userInfo(app, tokens.access_token), 'disabled');
  await deps.store.putUser({ ...alice, Enabled: true });
  t.equal((await userInfo(app, tokens.access_token)).statusCode, 200, 're-enabled');
  await deps.store.deleteUser(POOL_ID, 'alice');
  expectInvalidToken(t, await userInfo(app, tokens.access_token), 'deleted');
});
