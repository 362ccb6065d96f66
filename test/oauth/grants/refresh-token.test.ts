// grant_type=refresh_token
// (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html): new access and
// ID tokens, no new refresh token (rotation off), auth_time and origin_jti kept; only the issuing
// client may use it.
import t from 'tap';
import type { FastifyInstance } from 'fastify';
import { testEmulator } from '../../helpers/harness.js';
import { POOL_ID, PUBLIC_CLIENT, SECRET, SECRET_CLIENT } from '../../helpers/fixtures/index.js';
import { basicAuth, postForm, REFRESH_PREFIX, signInForTokens, UUID, verifyToken } from '../../helpers/flow.js';

const EMAIL_CLIENT = 'emailclient000000000000000';

const refresh = (app: FastifyInstance, token: string, clientId = PUBLIC_CLIENT, secret?: string) =>
  postForm(
    app,
    '/oauth2/token',
    { grant_type: 'refresh_token', refresh_token: token, ...(secret ? {} : { client_id: clientId }) },
    { headers: secret ? { authorization: basicAuth(clientId, secret) } : {} },
  );

t.test('refresh returns new access and ID tokens, no refresh token, same auth_time and origin_jti', async (t) => {
  const { app, clock } = await testEmulator(t);
  const first = await signInForTokens(app, { scope: 'openid email', nonce: 'n-1' });
  t.ok(first.refresh_token?.startsWith(REFRESH_PREFIX));
  const before = {
    id: (await verifyToken(app, first.id_token ?? '', { audience: PUBLIC_CLIENT })).payload,
    access: (await verifyToken(app, first.access_token)).payload,
  };

  clock.offsetMs = 10 * 60 * 1000;
  const res = await refresh(app, first.refresh_token ?? '');
  t.equal(res.statusCode, 200);
  t.equal(res.headers['cache-control'], 'no-cache, no-store, max-age=0, must-revalidate');
  t.equal(res.headers['access-control-allow-origin'], '*');
  const body = res.json() as Record<string, unknown>;
  t.same(Object.keys(body), ['id_token', 'access_token', 'expires_in', 'token_type'], 'no refresh_token');
  t.equal(body.expires_in, 3600);
  t.equal(body.token_type, 'Bearer');

  const now = Date.now() + clock.offsetMs;
  const id = (await verifyToken(app, String(body.id_token), { audience: PUBLIC_CLIENT, now })).payload;
  const access = (await verifyToken(app, String(body.access_token), { now })).payload;
  for (const [name, after, prior] of [
    ['id', id, before.id],
    ['access', access, before.access],
  ] as const) {
    t.equal(after.auth_time, prior.auth_time, `${name}: auth_time kept`);
    t.equal(after.origin_jti, prior.origin_jti, `${name}: origin_jti kept`);
    t.not(after.jti, prior.jti, `${name}: new jti`);
    t.match(after.jti, UUID, `${name}: jti is a UUID`);
    t.ok(Number(after.iat) >= Number(prior.iat) + 600, `${name}: issued now`);
    t.equal(Number(after.exp) - Number(after.iat), 3600, `${name}: full lifetime`);
    t.equal(after.sub, prior.sub, `${name}: same sub`);
  }
  t.equal(access.scope, 'openid email', 'scope of the original grant');
  t.equal(access.version, 2);
  t.equal(access.client_id, PUBLIC_CLIENT);
  t.equal(id.nonce, undefined, 'no nonce on refreshed ID tokens');
  t.equal(id.at_hash !== undefined, true, 'at_hash for the new access token');

  // The refresh token keeps working (no rotation).
  t.equal((await refresh(app, first.refresh_token ?? '')).statusCode, 200);
});

t.test('refresh without openid → access token only', async (t) => {
  const { app } = await testEmulator(t);
  const first = await signInForTokens(app, { scope: 'aws.cognito.signin.user.admin' });
  t.equal(first.id_token, undefined);
  const res = await refresh(app, first.refresh_token ?? '');
  t.same(Object.keys(res.json() as object), ['access_token', 'expires_in', 'token_type']);
});

t.test('bad refresh tokens → invalid_grant', async (t) => {
  const { app } = await testEmulator(t);
  const mine = await signInForTokens(app, { scope: 'openid' });
  const confidential = await signInForTokens(app, { clientId: SECRET_CLIENT, secret: SECRET, scope: 'openid' });
  const otherPool = await signInForTokens(app, { clientId: EMAIL_CLIENT, username: 'erin@example.com', scope: 'openid' });
  const rt = mine.refresh_token ?? '';
  const parts = rt.split('.');
  const flip = (s: string) => (s.startsWith('A') ? `B${s.slice(1)}` : `A${s.slice(1)}`);
  const cases: Array<[string, string]> = [
    ['garbage', 'garbage'],
    ['refresh token prefix only', `${REFRESH_PREFIX}a.b.c.d`],
    ['an access token', mine.access_token],
    ['an ID token', mine.id_token ?? ''],
    ['refresh token of another client of the pool', confidential.refresh_token ?? ''],
    ['refresh token of another pool', otherPool.refresh_token ?? ''],
    ['tampered ciphertext', [parts[0], parts[1], parts[2], flip(parts[3] ?? ''), parts[4]].join('.')],
    ['tampered tag', [parts[0], parts[1], parts[2], parts[3], flip(parts[4] ?? '')].join('.')],
    ['truncated', parts.slice(0, 4).join('.')],
    ['oversized', `${rt}${'A'.repeat(9000)}`],
  ];
  for (const [name, token] of cases) {
    const res = await refresh(app, token);
    t.equal(res.statusCode, 400, `${name}: status`);
    t.same(res.json(), { error: name === 'oversized' ? 'invalid_request' : 'invalid_grant' }, `${name}: body`);
  }
  // The confidential client's token for the public client, and the public one's for the confidential client.
  const swapped = await refresh(app, rt, SECRET_CLIENT, SECRET);
  t.same(swapped.json(), { error: 'invalid_grant' }, 'public token presented by the confidential client');
  t.equal((await refresh(app, confidential.refresh_token ?? '', SECRET_CLIENT, SECRET)).statusCode, 200, 'right client works');
  t.same(
    (await refresh(app, confidential.refresh_token ?? '', SECRET_CLIENT)).json(),
    { error: 'invalid_client' },
    'secret still required',
  );
});

t.test('refresh tokens expire by the client’s RefreshTokenValidity (confidential client: 2 h)', async (t) => {
  const { app, clock } = await testEmulator(t);
  const tokens = await signInForTokens(app, { clientId: SECRET_CLIENT, secret: SECRET, scope: 'openid' });
  clock.offsetMs = 7100 * 1000;
  t.equal((await refresh(app, tokens.refresh_token ?? '', SECRET_CLIENT, SECRET)).statusCode, 200, 'valid before 2 h');
  clock.offsetMs = 7201 * 1000;
  const late = await refresh(app, tokens.refresh_token ?? '', SECRET_CLIENT, SECRET);
  t.same(late.json(), { error: 'invalid_grant' }, 'expired after 2 h');

  // The public client's default is 30 days.
  const pub = await signInForTokens(app, { scope: 'openid' });
  clock.offsetMs += 29 * 86400 * 1000;
  t.equal((await refresh(app, pub.refresh_token ?? '')).statusCode, 200, 'valid on day 29');
  clock.offsetMs += 2 * 86400 * 1000;
  t.same((await refresh(app, pub.refresh_token ?? '')).json(), { error: 'invalid_grant' }, 'expired after 30 days');
});

t.test('disabled user, revoked family, global sign-out → invalid_grant', async (t) => {
  const { app, deps, clock } = await testEmulator(t);
  const disabledCase = await signInForTokens(app, { scope: 'openid' });
  const alice = deps.store.getUser(POOL_ID, 'alice');
  if (!alice) throw new Error('no alice');
  await deps.store.putUser({ ...alice, Enabled: false });
  t.same((await refresh(app, disabledCase.refresh_token ?? '')).json(), { error: 'invalid_grant' }, 'disabled');
  await deps.store.putUser({ ...alice, Enabled: true });
  t.equal((await refresh(app, disabledCase.refresh_token ?? '')).statusCode, 200, 'enabled again');

  const revoked = await signInForTokens(app, { scope: 'openid' });
  const { payload } = await verifyToken(app, revoked.access_token);
  await deps.store.revokeOrigin(String(payload.origin_jti), Date.now() + 86400_000);
  t.same((await refresh(app, revoked.refresh_token ?? '')).json(), { error: 'invalid_grant' }, 'revoked origin_jti');
  t.equal((await refresh(app, disabledCase.refresh_token ?? '')).statusCode, 200, 'other families unaffected');

  const signedOut = await signInForTokens(app, { scope: 'openid' });
  clock.offsetMs = 5000;
  // TokensRevokedAt is epoch ms (domain/model.ts signedOutBefore).
  await deps.store.putUser({ ...alice, Enabled: true, TokensRevokedAt: Date.now() + clock.offsetMs });
  t.same((await refresh(app, signedOut.refresh_token ?? '')).json(), { error: 'invalid_grant' }, 'global sign-out');

  // A user deleted and re-created under the same name is a different sub.
  const recreated = await signInForTokens(app, { scope: 'openid' });
  const { TokensRevokedAt: _unused, ...notSignedOut } = alice;
  void _unused;
  await deps.store.putUser({
    ...notSignedOut,
    Enabled: true,
    Attributes: { ...alice.Attributes, sub: '11111111-1111-4111-8111-111111111111' },
  });
  t.same((await refresh(app, recreated.refresh_token ?? '')).json(), { error: 'invalid_grant' }, 'same username, other sub');
});
