// Tokens from the code flow, checked as a relying party would (JWKS from the app, jose jwtVerify
// with issuer and audience), against Cognito's shapes (the ID and access token pages of Cognito's
// developer guide, linked from src/tokens/claims.ts).
import t from 'tap';
import { createHash } from 'node:crypto';
import { testEmulator } from '../helpers/harness.js';
import { API, EMAIL_POOL_ID, POOL_ID, PUBLIC_CLIENT, SECRET, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { decodePart, fetchJwks, REFRESH_PREFIX, signInForTokens, UUID, verifyToken } from '../helpers/flow.js';

const KID = /^[A-Za-z0-9+/]{43}=$/;
const AWS_ISSUER = 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}';

t.test('JOSE headers: exactly {kid, alg}, different keys for ID and access tokens, both in the JWKS', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  const idHeader = decodePart(tokens.id_token ?? '');
  const accessHeader = decodePart(tokens.access_token);
  for (const [name, header] of [
    ['id', idHeader],
    ['access', accessHeader],
  ] as const) {
    t.same(Object.keys(header), ['kid', 'alg'], `${name}: kid first, no typ`);
    t.equal(header.alg, 'RS256', `${name}: RS256`);
    t.match(header.kid, KID, `${name}: 44-char base64 kid`);
  }
  t.not(idHeader.kid, accessHeader.kid, 'ID and access tokens are signed by different keys');
  const jwks = await fetchJwks(app);
  t.same(
    jwks.keys.map((k) => k.kid),
    [idHeader.kid, accessHeader.kid],
    'JWKS holds both, ID key first',
  );

  // Each verifies only with its own key.
  const { protectedHeader } = await verifyToken(app, tokens.id_token ?? '', { audience: PUBLIC_CLIENT });
  t.equal(protectedHeader.kid, idHeader.kid);
  const forged = `${tokens.id_token?.split('.')[0]}.${tokens.access_token.split('.')[1]}.${tokens.access_token.split('.')[2]}`;
  await t.rejects(verifyToken(app, forged), 'an access-token signature under the ID key header fails');

  // The other pool has its own keys.
  const other = await fetchJwks(app, EMAIL_POOL_ID);
  t.equal(other.keys.filter((k) => k.kid === idHeader.kid || k.kid === accessHeader.kid).length, 0);
});

t.test('ID token claims', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: `openid email phone profile ${API}/read`, nonce: 'nonce-123' });
  const { payload } = await verifyToken(app, tokens.id_token ?? '', { audience: PUBLIC_CLIENT });
  t.same(Object.keys(payload).sort(), [
    'at_hash',
    'aud',
    'auth_time',
    'cognito:groups',
    'cognito:username',
    'custom:tier',
    'email',
    'email_verified',
    'event_id',
    'exp',
    'family_name',
    'given_name',
    'iat',
    'iss',
    'jti',
    'nonce',
    'origin_jti',
    'phone_number',
    'phone_number_verified',
    'sub',
    'token_use',
  ]);
  t.equal(payload.aud, PUBLIC_CLIENT, 'aud is the client id, a string');
  t.equal(payload.iss, `http://localhost:9229/${POOL_ID}`);
  t.equal(payload.token_use, 'id');
  t.equal(payload['cognito:username'], 'alice');
  t.equal(payload.email, 'alice@example.com');
  t.equal(payload.email_verified, true, 'email_verified is a boolean');
  t.equal(payload.phone_number_verified, false, 'phone_number_verified is a boolean');
  t.equal(payload['custom:tier'], 'gold', 'custom attributes are strings');
  t.equal(payload.given_name, 'Alice');
  t.same(payload['cognito:groups'], ['admins', 'readers']);
  t.equal(payload.nonce, 'nonce-123');
  const expectedAtHash = createHash('sha256').update(tokens.access_token).digest().subarray(0, 16).toString('base64url');
  t.equal(payload.at_hash, expectedAtHash, 'at_hash = left half of SHA-256 of the access token');
  for (const claim of ['sub', 'jti', 'origin_jti', 'event_id']) t.match(payload[claim], UUID, `${claim} is a UUID`);
  t.type(payload.auth_time, 'number');
  t.ok(Number(payload.auth_time) <= Number(payload.iat), 'auth_time ≤ iat');
  t.ok(Math.abs(Number(payload.iat) - Date.now() / 1000) < 60, 'iat is now');
  t.equal(Number(payload.exp) - Number(payload.iat), 3600, 'default 1 h');

  const access = (await verifyToken(app, tokens.access_token)).payload;
  t.equal(payload.origin_jti, access.origin_jti, 'one origin_jti per sign-in');
  t.equal(payload.event_id, access.event_id, 'one event_id per sign-in');
  t.not(payload.jti, access.jti, 'each token has its own jti');
  t.equal(payload.sub, access.sub);
  t.equal(payload.auth_time, access.auth_time);
});

t.test('ID token without nonce, user without groups', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, {
    clientId: 'emailclient000000000000000',
    username: 'erin@example.com',
    scope: 'openid email',
  });
  const { payload } = await verifyToken(app, tokens.id_token ?? '', { poolId: EMAIL_POOL_ID, audience: 'emailclient000000000000000' });
  t.equal(payload.nonce, undefined);
  t.equal(payload['cognito:groups'], undefined, 'no cognito:groups without groups');
  t.equal(payload.email, 'erin@example.com');
  t.equal(payload.email_verified, true);
  t.match(payload['cognito:username'], UUID, 'email-as-username pools: the username is the sub');
  t.equal(payload['cognito:username'], payload.sub);
  t.equal(payload.iss, `http://localhost:9229/${EMAIL_POOL_ID}`);
  const access = (await verifyToken(app, tokens.access_token, { poolId: EMAIL_POOL_ID })).payload;
  t.equal(access.username, payload.sub);
  t.equal(access['cognito:groups'], undefined);
});

t.test('access token claims', async (t) => {
  const { app } = await testEmulator(t);
  const scope = `profile openid ${API}/read email`;
  const tokens = await signInForTokens(app, { scope });
  const { payload } = await verifyToken(app, tokens.access_token);
  t.same(Object.keys(payload).sort(), [
    'auth_time',
    'client_id',
    'cognito:groups',
    'event_id',
    'exp',
    'iat',
    'iss',
    'jti',
    'origin_jti',
    'scope',
    'sub',
    'token_use',
    'username',
    'version',
  ]);
  t.equal(payload.aud, undefined, 'no aud without resource binding');
  t.equal(payload.client_id, PUBLIC_CLIENT);
  t.equal(payload.username, 'alice');
  t.equal(payload.token_use, 'access');
  t.equal(payload.version, 2);
  t.equal(payload.scope, scope, 'granted scopes as one string, in the requested order, custom ones included');
  t.same(payload['cognito:groups'], ['admins', 'readers']);
  t.equal(Number(payload.exp) - Number(payload.iat), 3600);
  t.equal(tokens.expires_in, 3600);

  // Access tokens are not ID tokens: an RP checking aud rejects them.
  await t.rejects(verifyToken(app, tokens.access_token, { audience: PUBLIC_CLIENT }));
  // And a wrong issuer is refused.
  await t.rejects(verifyToken(app, tokens.access_token, { issuer: `http://localhost:9229/${EMAIL_POOL_ID}` }));
});

t.test('lifetimes follow the client’s validity settings (30 min / 45 min / 2 h)', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { clientId: SECRET_CLIENT, secret: SECRET, scope: `openid ${API}/write` });
  t.equal(tokens.expires_in, 1800, 'expires_in = access-token lifetime');
  const access = (await verifyToken(app, tokens.access_token)).payload;
  t.equal(Number(access.exp) - Number(access.iat), 1800, 'access 30 min');
  t.equal(access.scope, `openid ${API}/write`);
  t.equal(access.client_id, SECRET_CLIENT);
  const id = (await verifyToken(app, tokens.id_token ?? '', { audience: SECRET_CLIENT })).payload;
  t.equal(Number(id.exp) - Number(id.iat), 2700, 'ID 45 min');
  // The refresh lifetime (2 h) is checked in test/oauth/grants/refresh-token.test.ts.
});

t.test('refresh token is JWE-shaped', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { scope: 'openid' });
  const rt = tokens.refresh_token ?? '';
  t.ok(rt.startsWith(REFRESH_PREFIX), 'Cognito’s prefix');
  t.equal(rt.split('.').length, 5, 'five parts');
  t.same(decodePart(rt), { cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' });
  const [, cek, iv, , tag] = rt.split('.').map((p) => Buffer.from(p, 'base64url'));
  t.equal(cek?.length, 256, 'RSA-2048 encrypted key');
  t.equal(iv?.length, 12, '96-bit IV');
  t.equal(tag?.length, 16, '128-bit tag');
  t.notMatch(rt, /alice/, 'opaque');
  const second = await signInForTokens(app, { scope: 'openid' });
  t.not(second.refresh_token, rt, 'each sign-in gets its own');
});

t.test('issuer follows ISSUER_URL and equals discovery’s issuer', async (t) => {
  const { app } = await testEmulator(t, { config: { issuerUrl: AWS_ISSUER } });
  const cases: Array<[string, string, string, string, string]> = [
    [POOL_ID, PUBLIC_CLIENT, 'alice', 'openid', 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1'],
    [
      EMAIL_POOL_ID,
      'emailclient000000000000000',
      'erin@example.com',
      'openid',
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EmailPool',
    ],
  ];
  for (const [poolId, clientId, username, scope, issuer] of cases) {
    const discovery = (await app.inject({ url: `/${poolId}/.well-known/openid-configuration` })).json() as Record<string, string>;
    t.equal(discovery.issuer, issuer, `${poolId}: discovery issuer`);
    t.equal(discovery.jwks_uri, `http://localhost:9229/${poolId}/.well-known/jwks.json`, `${poolId}: JWKS still served by the emulator`);
    const tokens = await signInForTokens(app, { clientId, username, scope });
    const id = (await verifyToken(app, tokens.id_token ?? '', { poolId, issuer, audience: clientId })).payload;
    const access = (await verifyToken(app, tokens.access_token, { poolId, issuer })).payload;
    t.equal(id.iss, issuer, `${poolId}: ID token iss`);
    t.equal(access.iss, issuer, `${poolId}: access token iss`);
  }

  const custom = await testEmulator(t, {
    config: { issuerUrl: '{publicUrl}/issuer/{region}/{userPoolId}', publicUrl: 'https://auth.example.test' },
  });
  const doc = (await custom.app.inject({ url: `/${POOL_ID}/.well-known/openid-configuration` })).json() as Record<string, string>;
  t.equal(doc.issuer, `https://auth.example.test/issuer/us-east-1/${POOL_ID}`);
  const tokens = await signInForTokens(custom.app, { scope: 'openid' });
  t.equal((await verifyToken(custom.app, tokens.access_token, { issuer: doc.issuer })).payload.iss, doc.issuer);
});
