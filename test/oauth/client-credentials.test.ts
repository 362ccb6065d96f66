// POST /oauth2/token grant_type=client_credentials
// (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html): confidential
// clients with the flow only, custom scopes only, an access token whose sub is the client id.
import t from 'tap';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { testEmulator } from '../helpers/harness.js';
import { API, M2M_CLIENT, M2M_SECRET, POOL_ID, PUBLIC_CLIENT, SECRET, SECRET_CLIENT, TEST_FIXTURE } from '../helpers/fixtures/index.js';
import { decodePart, fetchJwks, issuerOf, postForm, UUID } from '../helpers/flow.js';
import { clientCredentials, NO_STORE } from '../helpers/oauth-flow.js';

const READ = `${API}/read`;
const WRITE = `${API}/write`;

t.test('Basic auth, scope omitted → every custom scope of the client; exact response shape', async (t) => {
  const { app } = await testEmulator(t);
  const res = await clientCredentials(app);
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
  t.equal(res.headers['cache-control'], NO_STORE);
  t.equal(res.headers['access-control-allow-origin'], '*');
  const body = res.json() as Record<string, unknown>;
  t.same(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type'], 'no id_token, no refresh_token');
  t.equal(body.token_type, 'Bearer');
  t.equal(body.expires_in, 3600, 'default access-token validity (1 h)');
  t.equal(decodePart(body.access_token as string, 1).scope, `${READ} ${WRITE}`);
});

t.test('client_secret_post works the same', async (t) => {
  const { app } = await testEmulator(t);
  const res = await clientCredentials(app, { post: true, scope: READ });
  t.equal(res.statusCode, 200);
  t.equal(decodePart((res.json() as { access_token: string }).access_token, 1).scope, READ);
});

t.test("claims exactly as Cognito's machine-to-machine access token, verified against the JWKS", async (t) => {
  const { app, clock } = await testEmulator(t);
  const before = Math.floor(clock.now() / 1000);
  const res = await clientCredentials(app, { scope: WRITE });
  const after = Math.floor(clock.now() / 1000);
  const token = (res.json() as { access_token: string }).access_token;
  const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(await fetchJwks(app)), {
    issuer: issuerOf(POOL_ID),
    algorithms: ['RS256'],
  });
  t.same(Object.keys(protectedHeader), ['kid', 'alg'], 'header {kid, alg}, no typ');
  t.same(Object.keys(payload).sort(), ['auth_time', 'client_id', 'exp', 'iat', 'iss', 'jti', 'scope', 'sub', 'token_use', 'version']);
  t.equal(payload.sub, M2M_CLIENT, 'sub = client_id');
  t.equal(payload.client_id, M2M_CLIENT);
  t.equal(payload.token_use, 'access');
  t.equal(payload.scope, WRITE);
  t.equal(payload.version, 2);
  t.equal(payload.iss, issuerOf(POOL_ID));
  t.match(payload.jti, UUID);
  t.ok(payload.iat! >= before && payload.iat! <= after, 'iat is now');
  t.equal(payload.auth_time, payload.iat);
  t.equal(payload.exp, payload.iat! + 3600);
  for (const absent of ['username', 'aud', 'cognito:groups', 'origin_jti', 'event_id']) {
    t.notOk(absent in payload, `no ${absent}`);
  }
});

t.test('one scope, repeated scopes, both scopes in another order', async (t) => {
  const { app } = await testEmulator(t);
  const scopeOf = async (scope: string) => {
    const res = await clientCredentials(app, { scope });
    t.equal(res.statusCode, 200, `scope "${scope}"`);
    return decodePart((res.json() as { access_token: string }).access_token, 1).scope;
  };
  t.equal(await scopeOf(READ), READ);
  t.equal(await scopeOf(`${READ} ${READ}`), READ, 'duplicates dropped');
  t.equal(await scopeOf(`${WRITE} ${READ}`), `${WRITE} ${READ}`, 'order kept');
});

t.test('scopes the client may not have → invalid_scope', async (t) => {
  const { app } = await testEmulator(t);
  const cases = [
    ['standard scope openid', 'openid'],
    ['openid alongside a custom scope', `openid ${READ}`],
    ['email', 'email'],
    ['aws.cognito.signin.user.admin', 'aws.cognito.signin.user.admin'],
    ['custom scope that does not exist', `${API}/delete`],
    ['scope of another resource server', 'https://other.example/read'],
    ['resource server identifier alone', API],
  ];
  for (const [name, scope] of cases) {
    const res = await clientCredentials(app, { scope });
    t.equal(res.statusCode, 400, `${name}: status`);
    t.same(res.json(), { error: 'invalid_scope' }, `${name}: body`);
    t.equal(res.headers['access-control-allow-origin'], '*', `${name}: CORS on errors too`);
  }
});

t.test('a client without custom scopes → invalid_scope even with scope omitted', async (t) => {
  const fixture = structuredClone(TEST_FIXTURE);
  const m2m = fixture.UserPools[0]!.Clients.find((c) => c.ClientId === M2M_CLIENT)!;
  m2m.AllowedOAuthScopes = [];
  const { app } = await testEmulator(t, { fixture });
  const res = await clientCredentials(app);
  t.equal(res.statusCode, 400);
  t.same(res.json(), { error: 'invalid_scope' });
});

t.test('expires_in follows the client AccessTokenValidity', async (t) => {
  const fixture = structuredClone(TEST_FIXTURE);
  const m2m = fixture.UserPools[0]!.Clients.find((c) => c.ClientId === M2M_CLIENT)! as Record<string, unknown>;
  Object.assign(m2m, { AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes' } });
  const { app } = await testEmulator(t, { fixture });
  const res = await clientCredentials(app);
  t.equal(res.statusCode, 200);
  const body = res.json() as { access_token: string; expires_in: number };
  t.equal(body.expires_in, 300);
  const claims = decodePart(body.access_token, 1);
  t.equal((claims.exp as number) - (claims.iat as number), 300);
});

t.test('clients without the flow → unauthorized_client', async (t) => {
  const { app } = await testEmulator(t);
  const pub = await postForm(app, '/oauth2/token', { grant_type: 'client_credentials', client_id: PUBLIC_CLIENT, scope: READ });
  t.equal(pub.statusCode, 400, 'public client');
  t.same(pub.json(), { error: 'unauthorized_client' });
  const code = await clientCredentials(app, { clientId: SECRET_CLIENT, secret: SECRET, scope: READ });
  t.equal(code.statusCode, 400, 'confidential client with only the code flow');
  t.same(code.json(), { error: 'unauthorized_client' });
});

t.test('bad client authentication → invalid_client', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, Promise<Awaited<ReturnType<typeof clientCredentials>>>]> = [
    ['wrong secret (Basic)', clientCredentials(app, { secret: `${M2M_SECRET}x` })],
    ['wrong secret (post)', clientCredentials(app, { secret: 'nope', post: true })],
    ['secret of another client', clientCredentials(app, { secret: SECRET })],
    ['unknown client', clientCredentials(app, { clientId: 'nosuchclient00000000000000' })],
    ['no secret at all', postForm(app, '/oauth2/token', { grant_type: 'client_credentials', client_id: M2M_CLIENT })],
    ['no client at all', postForm(app, '/oauth2/token', { grant_type: 'client_credentials' })],
  ];
  for (const [name, pending] of cases) {
    const res = await pending;
    t.equal(res.statusCode, 400, `${name}: status`);
    t.same(res.json(), { error: 'invalid_client' }, `${name}: body`);
  }
});
