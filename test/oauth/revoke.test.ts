// POST /oauth2/revoke
// (https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html): refresh
// tokens only; 200 with an empty body even for unknown or already revoked tokens; revoking kills
// the whole origin_jti family and nothing else.
import t, { type Test } from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { NO_REVOKE_CLIENT, PUBLIC_CLIENT, SECRET, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { basicAuth, postForm, signInForTokens, verifyToken, REFRESH_PREFIX } from '../helpers/flow.js';
import { INVALID_TOKEN_AUTH, refresh, revoke, userInfo } from '../helpers/oauth-flow.js';

type Injected = Awaited<ReturnType<typeof revoke>>;

function expectEmpty200(t: Test, res: Injected, name: string) {
  t.equal(res.statusCode, 200, `${name}: 200`);
  t.equal(res.body, '', `${name}: empty body`);
}

function expectError(t: Test, res: Injected, status: number, error: string, name: string) {
  t.equal(res.statusCode, status, `${name}: status`);
  t.equal((res.json() as { error: string }).error, error, `${name}: error`);
}

t.test('revoking a refresh token: 200, empty body; the token and its family stop working', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid email' });
  const refreshed = await refresh(app, tokens.refresh_token!, PUBLIC_CLIENT);
  t.equal(refreshed.statusCode, 200, 'refresh works before');
  const refreshedAccess = (refreshed.json() as { access_token: string }).access_token;

  const res = await revoke(app, { token: tokens.refresh_token! }, { clientId: PUBLIC_CLIENT });
  expectEmpty200(t, res, 'revoke');
  t.equal(res.headers['access-control-allow-origin'], '*');

  expectError(t, await refresh(app, tokens.refresh_token!, PUBLIC_CLIENT), 400, 'invalid_grant', 'refresh after revoke');
  for (const [name, token] of [
    ['original access token', tokens.access_token],
    ['access token from the refresh', refreshedAccess],
  ] as const) {
    await verifyToken(app, token);
    const info = await userInfo(app, token);
    t.equal(info.statusCode, 401, `${name}: refused at userInfo though it verifies offline`);
    t.equal(info.headers['www-authenticate'], INVALID_TOKEN_AUTH);
  }
});

t.test('another sign-in of the same user keeps working', async (t) => {
  const { app } = await testEmulator(t);
  const first = await signInForTokens(app, { scope: 'openid' });
  const second = await signInForTokens(app, { scope: 'openid' });
  expectEmpty200(t, await revoke(app, { token: first.refresh_token! }, { clientId: PUBLIC_CLIENT }), 'revoke first');
  t.equal((await refresh(app, second.refresh_token!, PUBLIC_CLIENT)).statusCode, 200, 'second refresh token still works');
  t.equal((await userInfo(app, second.access_token)).statusCode, 200, 'second access token still works');
  t.equal((await userInfo(app, first.access_token)).statusCode, 401, 'first access token refused');
});

t.test('unknown, garbage and already revoked tokens → 200 with an empty body', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  expectEmpty200(t, await revoke(app, { token: tokens.refresh_token! }, { clientId: PUBLIC_CLIENT }), 'first revoke');
  const cases: Array<[string, string]> = [
    ['already revoked', tokens.refresh_token!],
    ['garbage', 'garbage'],
    ['three-part garbage (not a JWT)', 'a.b.c'],
    ['three-part garbage with a JSON header', `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.x.y`],
    ['JWE-shaped garbage', `${REFRESH_PREFIX}a.b.c.d`],
    ['refresh token with a flipped byte', tokens.refresh_token!.slice(0, -3) + (tokens.refresh_token!.endsWith('AAA') ? 'BBB' : 'AAA')],
  ];
  for (const [name, token] of cases) expectEmpty200(t, await revoke(app, { token }, { clientId: PUBLIC_CLIENT }), name);
});

t.test('access and ID tokens → unsupported_token_type (and are not revoked)', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  expectError(
    t,
    await revoke(app, { token: tokens.access_token }, { clientId: PUBLIC_CLIENT }),
    400,
    'unsupported_token_type',
    'access token',
  );
  expectError(t, await revoke(app, { token: tokens.id_token! }, { clientId: PUBLIC_CLIENT }), 400, 'unsupported_token_type', 'ID token');
  t.equal((await userInfo(app, tokens.access_token)).statusCode, 200, 'the access token still works');
  t.equal((await refresh(app, tokens.refresh_token!, PUBLIC_CLIENT)).statusCode, 200, 'the refresh token still works');
});

t.test('invalid_request: no token, empty token, revocation disabled, wrong content type', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  expectError(t, await revoke(app, {}, { clientId: PUBLIC_CLIENT }), 400, 'invalid_request', 'no token');
  expectError(t, await revoke(app, { token: '' }, { clientId: PUBLIC_CLIENT }), 400, 'invalid_request', 'empty token');
  expectError(
    t,
    await revoke(app, { token: 'anything' }, { clientId: NO_REVOKE_CLIENT }),
    400,
    'invalid_request',
    'EnableTokenRevocation false',
  );
  const json = await app.inject({
    method: 'POST',
    url: '/oauth2/revoke',
    payload: { token: tokens.refresh_token, client_id: PUBLIC_CLIENT },
  });
  expectError(t, json, 400, 'invalid_request', 'JSON body');
  t.equal((await refresh(app, tokens.refresh_token!, PUBLIC_CLIENT)).statusCode, 200, 'nothing was revoked');
});

t.test('a NO_REVOKE_CLIENT refresh token cannot be revoked at all', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { clientId: NO_REVOKE_CLIENT, scope: 'openid' });
  expectError(t, await revoke(app, { token: tokens.refresh_token! }, { clientId: NO_REVOKE_CLIENT }), 400, 'invalid_request', 'own token');
  t.equal((await userInfo(app, tokens.access_token)).statusCode, 200, 'still works');
});

t.test('bad client credentials → 401 invalid_client', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { clientId: SECRET_CLIENT, secret: SECRET, scope: 'openid' });
  const token = tokens.refresh_token!;
  const cases: Array<[string, Promise<Injected>]> = [
    ['wrong secret (Basic)', revoke(app, { token }, { clientId: SECRET_CLIENT, secret: `${SECRET}x` })],
    ['wrong secret (post)', postForm(app, '/oauth2/revoke', { token, client_id: SECRET_CLIENT, client_secret: 'nope' })],
    ['confidential client without a secret', revoke(app, { token }, { clientId: SECRET_CLIENT })],
    ['unknown client', revoke(app, { token }, { clientId: 'nosuchclient00000000000000' })],
    ['no client at all', revoke(app, { token })],
    ['malformed Basic header', postForm(app, '/oauth2/revoke', { token }, { headers: { authorization: 'Basic !!!' } })],
  ];
  for (const [name, pending] of cases) expectError(t, await pending, 401, 'invalid_client', name);
  t.equal((await userInfo(app, tokens.access_token)).statusCode, 200, 'nothing was revoked');
});

t.test('confidential client via Basic (and via client_secret_post)', async (t) => {
  const { app } = await testEmulator(t);
  const a = await signInForTokens(app, { clientId: SECRET_CLIENT, secret: SECRET, scope: 'openid' });
  expectEmpty200(t, await revoke(app, { token: a.refresh_token! }, { clientId: SECRET_CLIENT, secret: SECRET }), 'Basic');
  const again = await postForm(
    app,
    '/oauth2/token',
    { grant_type: 'refresh_token', refresh_token: a.refresh_token! },
    {
      headers: { authorization: basicAuth(SECRET_CLIENT, SECRET) },
    },
  );
  expectError(t, again, 400, 'invalid_grant', 'refresh after revoke');
  t.equal((await userInfo(app, a.access_token)).statusCode, 401, 'access token refused');

  const b = await signInForTokens(app, { clientId: SECRET_CLIENT, secret: SECRET, scope: 'openid' });
  const post = await postForm(app, '/oauth2/revoke', { token: b.refresh_token!, client_id: SECRET_CLIENT, client_secret: SECRET });
  expectEmpty200(t, post, 'client_secret_post');
  t.equal((await userInfo(app, b.access_token)).statusCode, 401, 'access token refused');
});

t.test('a token can only be revoked by the client it was issued to', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  const res = await revoke(app, { token: tokens.refresh_token! }, { clientId: SECRET_CLIENT, secret: SECRET });
  expectError(t, res, 400, 'invalid_request', 'other client');
  t.equal((await refresh(app, tokens.refresh_token!, PUBLIC_CLIENT)).statusCode, 200, 'still valid');
});
