// Implicit flow, response_type=token
// (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html): tokens
// in the URL fragment, an ID token only with openid, never a refresh token or a code; refused where
// the client does not allow it.
import { createHash } from 'node:crypto';
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { API, CALLBACK, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { authorizeQuery, verifyToken } from '../helpers/flow.js';
import { fragmentParams, signInImplicit, userInfo } from '../helpers/oauth-flow.js';

const atHashOf = (token: string) => createHash('sha256').update(token, 'ascii').digest().subarray(0, 16).toString('base64url');

t.test('after sign-in: id_token, access_token, expires_in, token_type, state in the fragment', async (t) => {
  const { app } = await testEmulator(t);
  const res = await signInImplicit(app, { scope: 'openid email', state: 'st-1', nonce: 'n-0S6' });
  t.equal(res.statusCode, 302);
  const location = String(res.headers.location);
  t.ok(location.startsWith(`${CALLBACK}#`), 'the registered callback, tokens after #');
  t.equal(new URL(location).search, '', 'nothing in the query');
  const params = fragmentParams(location);
  t.same(
    params.map(([k]) => k),
    ['id_token', 'access_token', 'expires_in', 'token_type', 'state'],
    'exact keys in Cognito order',
  );
  const p = Object.fromEntries(params);
  t.equal(p.expires_in, '3600');
  t.equal(p.token_type, 'Bearer');
  t.equal(p.state, 'st-1');
  t.notOk('refresh_token' in p, 'never a refresh token');
  t.notOk('code' in p, 'no code');

  const access = await verifyToken(app, p.access_token!);
  t.equal(access.payload.token_use, 'access');
  t.equal(access.payload.client_id, PUBLIC_CLIENT);
  t.equal(access.payload.username, 'alice');
  t.equal(access.payload.scope, 'openid email');
  t.equal(access.payload.version, 2);

  const id = await verifyToken(app, p.id_token!, { audience: PUBLIC_CLIENT });
  t.equal(id.payload.token_use, 'id');
  t.equal(id.payload['cognito:username'], 'alice');
  t.equal(id.payload.nonce, 'n-0S6', 'nonce copied from the authorize request');
  t.equal(id.payload.at_hash, atHashOf(p.access_token!), 'at_hash matches the access token');
  t.equal(id.payload.origin_jti, access.payload.origin_jti, 'one token family');

  // The access token is a real OAuth token: userInfo accepts it.
  const info = await userInfo(app, p.access_token);
  t.equal(info.statusCode, 200);
  t.equal((info.json() as Record<string, unknown>).email, 'alice@example.com');
});

t.test('without state: no state in the fragment; without nonce: no nonce claim', async (t) => {
  const { app } = await testEmulator(t);
  const res = await signInImplicit(app, { scope: 'openid' });
  const params = fragmentParams(String(res.headers.location));
  t.same(
    params.map(([k]) => k),
    ['id_token', 'access_token', 'expires_in', 'token_type'],
  );
  const id = await verifyToken(app, Object.fromEntries(params).id_token!, { audience: PUBLIC_CLIENT });
  t.notOk('nonce' in id.payload);
});

t.test('without openid: no id_token', async (t) => {
  const { app } = await testEmulator(t);
  const res = await signInImplicit(app, { scope: `aws.cognito.signin.user.admin ${API}/read`, state: 's' });
  t.equal(res.statusCode, 302);
  const params = fragmentParams(String(res.headers.location));
  t.same(
    params.map(([k]) => k),
    ['access_token', 'expires_in', 'token_type', 'state'],
  );
  const access = await verifyToken(app, Object.fromEntries(params).access_token!);
  t.equal(access.payload.scope, `aws.cognito.signin.user.admin ${API}/read`);
});

t.test('scope omitted: every client scope, so an ID token', async (t) => {
  const { app } = await testEmulator(t);
  const res = await signInImplicit(app);
  const p = Object.fromEntries(fragmentParams(String(res.headers.location)));
  t.ok(p.id_token, 'id_token present');
  const access = await verifyToken(app, p.access_token!);
  t.equal(access.payload.scope, `openid email phone profile aws.cognito.signin.user.admin ${API}/read`);
});

t.test('a client without the implicit flow → unauthorized_client redirect', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({
    url: `/oauth2/authorize?${authorizeQuery({ clientId: SECRET_CLIENT, responseType: 'token', state: 'abc' })}`,
  });
  t.equal(res.statusCode, 302);
  t.equal(res.headers.location, `${CALLBACK}?error=unauthorized_client&state=abc`);
  // The hosted page refuses it too, so the flow cannot be forced by posting the form directly.
  const login = await app.inject({ url: `/login?${authorizeQuery({ clientId: SECRET_CLIENT, responseType: 'token' })}` });
  t.equal(login.statusCode, 302);
  t.equal(login.headers.location, `${CALLBACK}?error=unauthorized_client`);
});
