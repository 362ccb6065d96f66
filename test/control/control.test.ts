// /_emulator/*: reset, clock, faults, token minting, inspection (README, Test-control API).
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { CALLBACK, M2M_CLIENT, POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT, SECRET, API } from '../helpers/fixtures/index.js';
import { postForm, redeemCode, signIn, signInForTokens, verifyToken } from '../helpers/flow.js';

const json = (payload: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

t.test('reset returns to the fixture state: users, codes, sessions, revocations, clock, faults', async (t) => {
  const { app, deps } = await testEmulator(t);
  const { code } = await signIn(app, {});
  const alice = deps.store.getUser(POOL_ID, 'alice')!;
  await deps.store.putUser({ ...alice, Enabled: false });
  await deps.store.deleteUser(POOL_ID, 'bob');
  deps.clock.offsetMs = 3600_000;
  deps.faults.add({ route: '/oauth2/token', count: 5, error: 'server_error', status: 500, delayMs: 0 });

  const res = await app.inject({ method: 'POST', url: '/_emulator/reset', headers: { 'content-type': 'application/json' }, payload: '{}' });
  t.equal(res.statusCode, 200);
  t.same(res.json(), { status: 'reset' });
  t.equal(deps.store.getUser(POOL_ID, 'alice')?.Enabled, true, 'alice enabled again');
  t.equal(deps.store.getUser(POOL_ID, 'bob')?.UserStatus, 'FORCE_CHANGE_PASSWORD', 'bob back');
  t.equal(deps.store.getUser(POOL_ID, 'alice')?.Attributes.sub, alice.Attributes.sub, 'generated ids stay stable across a reset');
  t.equal(deps.clock.offsetMs, 0);
  t.same(deps.faults.pending(), []);
  const redeemed = await redeemCode(app, { code });
  t.equal(redeemed.statusCode, 400, 'codes issued before the reset are gone');
  t.same(redeemed.json(), { error: 'invalid_grant' });
  // The fixture password works again and the flow runs after a reset.
  const tokens = await signInForTokens(app, {});
  t.ok(tokens.access_token);
});

t.test('clock: offset and absolute time; tokens carry the moved iat/exp/auth_time; codes expire', async (t) => {
  const { app } = await testEmulator(t);
  let res = await app.inject({ method: 'GET', url: '/_emulator/clock' });
  t.equal(res.json().offsetSeconds, 0);
  const target = '2030-01-02T03:04:05.000Z';
  res = await app.inject({ method: 'POST', url: '/_emulator/clock', ...json({ now: target }) });
  t.equal(res.statusCode, 200);
  t.ok(Math.abs(Date.parse(res.json().now) - Date.parse(target)) < 2000, 'now moved');
  const tokens = await signInForTokens(app, {});
  const { payload } = await verifyToken(app, tokens.access_token, { now: Date.parse(target) });
  const epoch = Date.parse(target) / 1000;
  t.ok(Math.abs(Number(payload.iat) - epoch) < 3, 'iat follows the emulated clock');
  t.ok(Math.abs(Number(payload.auth_time) - epoch) < 3, 'auth_time follows the emulated clock');
  t.equal(Number(payload.exp) - Number(payload.iat), 3600);

  // A code expires when the clock moves past 5 minutes.
  await app.inject({ method: 'POST', url: '/_emulator/clock', ...json({ offsetSeconds: 0 }) });
  const { code } = await signIn(app, {});
  await app.inject({ method: 'POST', url: '/_emulator/clock', ...json({ offsetSeconds: 301 }) });
  const redeemed = await redeemCode(app, { code });
  t.same(redeemed.json(), { error: 'invalid_grant' });

  for (const bad of [{}, { offsetSeconds: 'x' }, { now: 'not a date' }, { now: target, offsetSeconds: 1 }]) {
    res = await app.inject({ method: 'POST', url: '/_emulator/clock', ...json(bad) });
    t.equal(res.statusCode, 400, JSON.stringify(bad));
    t.equal(res.json().error, 'InvalidRequest');
  }
});

t.test('clock: a refresh token expires when the clock passes its lifetime', async (t) => {
  const { app } = await testEmulator(t);
  const tokens = await signInForTokens(app, { clientId: SECRET_CLIENT, secret: SECRET });
  const refresh = () =>
    postForm(app, '/oauth2/token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: SECRET_CLIENT,
      client_secret: SECRET,
    });
  t.equal((await refresh()).statusCode, 200);
  // The confidential test client's refresh tokens last 2 hours.
  await app.inject({ method: 'POST', url: '/_emulator/clock', ...json({ offsetSeconds: 2 * 3600 + 1 }) });
  const res = await refresh();
  t.equal(res.statusCode, 400);
  t.same(res.json(), { error: 'invalid_grant' });
});

t.test('faults: the next N matching requests fail, then requests succeed again', async (t) => {
  const { app } = await testEmulator(t);
  let res = await app.inject({
    method: 'POST',
    url: '/_emulator/faults',
    ...json({ route: '/oauth2/token', count: 2, error: 'invalid_grant', status: 400, message: 'boom' }),
  });
  t.equal(res.statusCode, 200);
  t.equal(res.json().faults.length, 1);
  const { code } = await signIn(app, {});
  for (let i = 0; i < 2; i++) {
    res = await redeemCode(app, { code });
    t.equal(res.statusCode, 400);
    t.same(res.json(), { error: 'invalid_grant', error_description: 'boom' });
  }
  res = await redeemCode(app, { code });
  t.equal(res.statusCode, 200, 'the code was never consumed by the injected failures');

  await app.inject({
    method: 'POST',
    url: '/_emulator/faults',
    ...json({ operation: 'AdminGetUser', error: 'InternalErrorException', status: 500 }),
  });
  res = await app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' },
    payload: JSON.stringify({ UserPoolId: POOL_ID, Username: 'alice' }),
  });
  t.equal(res.statusCode, 500);
  t.same(res.json(), { __type: 'InternalErrorException', message: 'Injected fault: InternalErrorException' });

  await app.inject({
    method: 'POST',
    url: '/_emulator/faults',
    ...json({ route: '/login', count: 3, error: 'server_error', status: 503 }),
  });
  res = await app.inject({ method: 'DELETE', url: '/_emulator/faults' });
  t.same(res.json(), { faults: [] });
  res = await app.inject({ url: `/login?response_type=code&client_id=${PUBLIC_CLIENT}&redirect_uri=${encodeURIComponent(CALLBACK)}` });
  t.equal(res.statusCode, 200, 'cleared faults no longer apply');

  const started = Date.now();
  await app.inject({ method: 'POST', url: '/_emulator/faults', ...json({ route: '/health', delayMs: 200 }) });
  res = await app.inject({ url: '/health' });
  t.equal(res.statusCode, 200, 'delay-only fault lets the request through');
  t.ok(Date.now() - started >= 190, 'and delays it');

  for (const bad of [
    {},
    { route: 'x', error: 'e' },
    { route: '/a', operation: 'B', error: 'e' },
    { route: '/a', count: 0, error: 'e' },
    { route: '/a' },
    { route: '/a', error: 'e', status: 200 },
  ]) {
    res = await app.inject({ method: 'POST', url: '/_emulator/faults', ...json(bad) });
    t.equal(res.statusCode, 400, JSON.stringify(bad));
    t.equal(res.json().error, 'InvalidFault');
  }
});

t.test('token minting: user tokens shaped like the token endpoint, client_credentials tokens', async (t) => {
  const { app } = await testEmulator(t);
  let res = await app.inject({
    method: 'POST',
    url: '/_emulator/tokens',
    ...json({ userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: 'alice', scopes: ['openid', 'email', `${API}/read`] }),
  });
  t.equal(res.statusCode, 200);
  const minted = res.json();
  t.same(Object.keys(minted), ['id_token', 'access_token', 'refresh_token', 'expires_in', 'token_type']);
  const { payload: access } = await verifyToken(app, minted.access_token);
  t.equal(access.scope, `openid email ${API}/read`);
  t.equal(access.username, 'alice');
  t.equal(access.version, 2);
  const { payload: id } = await verifyToken(app, minted.id_token, { audience: PUBLIC_CLIENT });
  t.equal(id['cognito:username'], 'alice');
  t.type(id.at_hash, 'string');
  res = await postForm(app, '/oauth2/token', {
    grant_type: 'refresh_token',
    refresh_token: minted.refresh_token,
    client_id: PUBLIC_CLIENT,
  });
  t.equal(res.statusCode, 200, 'the minted refresh token works at the token endpoint');

  res = await app.inject({
    method: 'POST',
    url: '/_emulator/tokens',
    ...json({ userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: 'alice', scopes: ['email'] }),
  });
  t.notOk(res.json().id_token, 'no ID token without openid');

  res = await app.inject({ method: 'POST', url: '/_emulator/tokens', ...json({ userPoolId: POOL_ID, clientId: M2M_CLIENT }) });
  t.equal(res.statusCode, 200);
  t.same(Object.keys(res.json()), ['access_token', 'expires_in', 'token_type']);
  const { payload: m2m } = await verifyToken(app, res.json().access_token);
  t.equal(m2m.sub, M2M_CLIENT);
  t.equal(m2m.scope, `${API}/read ${API}/write`);

  const cases: Array<[object, number, string]> = [
    [{ clientId: PUBLIC_CLIENT }, 400, 'InvalidRequest'],
    [{ userPoolId: 'us-east-1_Nope', clientId: PUBLIC_CLIENT }, 404, 'ResourceNotFoundException'],
    [{ userPoolId: POOL_ID, clientId: 'nope' }, 404, 'ResourceNotFoundException'],
    [{ userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: 'nobody' }, 404, 'UserNotFoundException'],
    [{ userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: 'alice', scopes: ['https://nope/x'] }, 400, 'ScopeDoesNotExistException'],
    [{ userPoolId: POOL_ID, clientId: M2M_CLIENT, scopes: ['openid'] }, 400, 'InvalidRequest'],
  ];
  for (const [input, status, error] of cases) {
    res = await app.inject({ method: 'POST', url: '/_emulator/tokens', ...json(input) });
    t.equal(res.statusCode, status, JSON.stringify(input));
    t.equal(res.json().error, error, JSON.stringify(input));
  }
});

t.test('inspection: issued codes and active sessions', async (t) => {
  const { app } = await testEmulator(t);
  const { code } = await signIn(app, {});
  let res = await app.inject({ url: '/_emulator/codes' });
  t.equal(res.statusCode, 200);
  const codes = res.json().codes as Array<Record<string, unknown>>;
  t.equal(codes.length, 1);
  t.match(codes[0], { code, clientId: PUBLIC_CLIENT, username: 'alice', redirectUri: CALLBACK });
  res = await app.inject({ url: '/_emulator/sessions' });
  t.match(res.json().sessions, [{ userPoolId: POOL_ID, username: 'alice' }]);
});
