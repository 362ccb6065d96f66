// The hosted-UI session cookie `cognito`
// (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html): set by a
// successful sign-in, 1 hour fixed; within it /oauth2/authorize skips the page unless prompt=login;
// prompt=none without a session → login_required.
import t from 'tap';
import { testEmulator, PUBLIC_URL } from '../helpers/harness.js';
import { CALLBACK, PASSWORD, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import {
  authorizeQuery,
  openLoginPage,
  redeemCode,
  signIn,
  submitLogin,
  UUID,
  verifyToken,
  type AuthorizeParams,
} from '../helpers/flow.js';
import { responseCookies } from '../helpers/html.js';
import { cookieAttributes, fragmentParams, getWithSession, setCookieLine, setCookieLines } from '../helpers/oauth-flow.js';

const EMAIL_CLIENT = 'emailclient000000000000000';

/** Signs alice in and returns the session cookie value. */
async function session(app: Parameters<typeof signIn>[0], p: AuthorizeParams = {}): Promise<string> {
  const { cookies } = await signIn(app, p);
  if (cookies.cognito === undefined) throw new Error('no session cookie');
  return cookies.cognito;
}

const authorize = (app: Parameters<typeof signIn>[0], sessionId: string | undefined, p: AuthorizeParams = {}) =>
  getWithSession(app, `/oauth2/authorize?${authorizeQuery(p)}`, sessionId);

t.test('a successful POST /login sets the cognito cookie: HttpOnly, SameSite=Lax, Max-Age=3600, Path=/', async (t) => {
  const { app } = await testEmulator(t);
  const { res } = await signIn(app);
  const line = setCookieLine(res, 'cognito');
  const value = line.slice('cognito='.length, line.indexOf(';'));
  t.match(value, UUID, 'an opaque id');
  const attrs = cookieAttributes(line);
  t.same(Object.keys(attrs).sort(), ['httponly', 'max-age', 'path', 'samesite'], 'exactly these attributes (no Secure on http)');
  t.equal(attrs['max-age'], '3600');
  t.equal(attrs.path, '/');
  t.equal(attrs.samesite, 'Lax');
});

t.test('Secure when PUBLIC_URL is https', async (t) => {
  const { app } = await testEmulator(t, { config: { publicUrl: 'https://auth.example.test' } });
  const { res } = await signIn(app);
  const attrs = cookieAttributes(setCookieLine(res, 'cognito'));
  t.same(Object.keys(attrs).sort(), ['httponly', 'max-age', 'path', 'samesite', 'secure']);
  t.equal(attrs['max-age'], '3600');
});

t.test('a failed sign-in sets no session cookie', async (t) => {
  const { app } = await testEmulator(t);
  const page = await openLoginPage(app);
  t.equal(setCookieLines(page.res).filter((l) => l.startsWith('cognito=')).length, 0, 'GET /login does not set it');
  const res = await submitLogin(app, page, 'alice', 'wrong');
  t.equal(res.statusCode, 200, 'the page is shown again');
  t.equal(setCookieLines(res).filter((l) => l.startsWith('cognito=')).length, 0, 'a wrong password does not set it');
});

t.test('with the cookie, /oauth2/authorize redirects straight back with a fresh, working code', async (t) => {
  const { app, clock } = await testEmulator(t);
  const first = await signIn(app, { scope: 'openid', state: 'one' });
  const sid = first.cookies.cognito!;
  const authTime = Math.floor(clock.now() / 1000);
  clock.offsetMs += 60_000;

  const res = await authorize(app, sid, { scope: 'openid email', state: 'two' });
  t.equal(res.statusCode, 302);
  const location = new URL(String(res.headers.location));
  t.equal(`${location.origin}${location.pathname}`, CALLBACK, 'back to the app, not /login');
  t.same([...location.searchParams.keys()], ['code', 'state']);
  t.equal(location.searchParams.get('state'), 'two');
  const code = location.searchParams.get('code')!;
  t.match(code, UUID);
  t.not(code, first.code, 'a fresh code');
  t.equal(setCookieLines(res).filter((l) => l.startsWith('cognito=')).length, 0, 'the session is not re-issued (fixed hour)');

  const tokens = await redeemCode(app, { code });
  t.equal(tokens.statusCode, 200, 'the code redeems');
  const body = tokens.json() as { access_token: string; id_token: string };
  const access = await verifyToken(app, body.access_token, { now: clock.now() });
  t.equal(access.payload.username, 'alice');
  t.equal(access.payload.scope, 'openid email', 'scopes of the new request');
  t.ok(Math.abs((access.payload.auth_time as number) - authTime) <= 1, 'auth_time is the original sign-in');

  const again = await authorize(app, sid, {});
  t.not(new URL(String(again.headers.location)).searchParams.get('code'), code, 'another fresh code each time');
});

t.test('with the cookie, response_type=token returns tokens in the fragment', async (t) => {
  const { app } = await testEmulator(t);
  const sid = await session(app);
  const res = await authorize(app, sid, { responseType: 'token', scope: 'openid', state: 's' });
  t.equal(res.statusCode, 302);
  t.ok(String(res.headers.location).startsWith(`${CALLBACK}#`));
  t.same(
    fragmentParams(String(res.headers.location)).map(([k]) => k),
    ['id_token', 'access_token', 'expires_in', 'token_type', 'state'],
  );
});

t.test('prompt=login forces the page even with a session', async (t) => {
  const { app } = await testEmulator(t);
  const sid = await session(app);
  const query = authorizeQuery({ state: 'x', extra: { prompt: 'login' } });
  const res = await getWithSession(app, `/oauth2/authorize?${query}`, sid);
  t.equal(res.statusCode, 302);
  t.equal(res.headers.location, `${PUBLIC_URL}/login?${query}`);
  const both = authorizeQuery({ extra: { prompt: 'login consent' } });
  t.equal(
    (await getWithSession(app, `/oauth2/authorize?${both}`, sid)).headers.location,
    `${PUBLIC_URL}/login?${both}`,
    'space-separated list',
  );
});

t.test('prompt=none: login_required without a session, a code with one', async (t) => {
  const { app } = await testEmulator(t);
  const none = (state?: string) => authorizeQuery({ ...(state !== undefined ? { state } : {}), extra: { prompt: 'none' } });

  const anon = await app.inject({ url: `/oauth2/authorize?${none('abc')}` });
  t.equal(anon.statusCode, 302);
  t.equal(anon.headers.location, `${CALLBACK}?error=login_required&state=abc`);
  const noState = await app.inject({ url: `/oauth2/authorize?${none()}` });
  t.equal(noState.headers.location, `${CALLBACK}?error=login_required`);
  const unknown = await getWithSession(app, `/oauth2/authorize?${none('abc')}`, '00000000-0000-4000-8000-000000000000');
  t.equal(unknown.headers.location, `${CALLBACK}?error=login_required&state=abc`, 'an unknown session id is no session');

  const sid = await session(app);
  const res = await getWithSession(app, `/oauth2/authorize?${none('abc')}`, sid);
  t.equal(res.statusCode, 302);
  const location = new URL(String(res.headers.location));
  t.equal(`${location.origin}${location.pathname}`, CALLBACK);
  t.match(location.searchParams.get('code'), UUID);
  t.equal(location.searchParams.get('state'), 'abc');
});

t.test('the session ends after one hour, not extended by use', async (t) => {
  const { app, clock } = await testEmulator(t);
  const sid = await session(app);
  clock.offsetMs += 1800 * 1000;
  const mid = await authorize(app, sid);
  t.ok(String(mid.headers.location).startsWith(`${CALLBACK}?code=`), 'skips the page at 30 min');
  clock.offsetMs += 1801 * 1000; // 3601 s after sign-in
  const late = await authorize(app, sid);
  t.equal(late.headers.location, `${PUBLIC_URL}/login?${authorizeQuery()}`, 'back to /login after the hour');
  const none = await getWithSession(app, `/oauth2/authorize?${authorizeQuery({ extra: { prompt: 'none' } })}`, sid);
  t.equal(none.headers.location, `${CALLBACK}?error=login_required`);
});

t.test('a session for pool A does not sign you into pool B; signing into both keeps both', async (t) => {
  const { app } = await testEmulator(t);
  const sid = await session(app);
  const other = { clientId: EMAIL_CLIENT, scope: 'openid' };
  const res = await authorize(app, sid, other);
  t.equal(res.headers.location, `${PUBLIC_URL}/login?${authorizeQuery(other)}`, 'pool B shows its page');
  const none = await authorize(app, sid, { ...other, extra: { prompt: 'none' } });
  t.equal(none.headers.location, `${CALLBACK}?error=login_required`);

  // Signing in to pool B while carrying pool A's cookie: the new cookie covers both pools.
  const page = await openLoginPage(app, other);
  const signedB = await submitLogin(app, { ...page, cookies: { ...page.cookies, cognito: sid } }, 'erin@example.com', PASSWORD);
  t.equal(signedB.statusCode, 302);
  const sidB = responseCookies(signedB).cognito!;
  t.match(sidB, UUID);
  t.not(sidB, sid, 'a new session id after each sign-in');
  t.ok(String((await authorize(app, sidB, other)).headers.location).startsWith(`${CALLBACK}?code=`), 'pool B skips the page');
  t.ok(String((await authorize(app, sidB)).headers.location).startsWith(`${CALLBACK}?code=`), 'pool A still skips the page');
  t.equal((await authorize(app, sid)).headers.location, `${PUBLIC_URL}/login?${authorizeQuery()}`, 'the replaced session id is gone');
});

t.test('a disabled, deleted or no-longer-confirmed user no longer skips the page', async (t) => {
  const { app, deps } = await testEmulator(t);
  const alice = deps.store.getUser(POOL_ID, 'alice')!;
  const expectLogin = async (name: string) => {
    const sid = await session(app);
    return async () => {
      t.equal((await authorize(app, sid)).headers.location, `${PUBLIC_URL}/login?${authorizeQuery()}`, name);
    };
  };
  let check = await expectLogin('disabled');
  await deps.store.putUser({ ...alice, Enabled: false });
  await check();
  await deps.store.putUser(alice);

  check = await expectLogin('reset required');
  await deps.store.putUser({ ...alice, UserStatus: 'RESET_REQUIRED' });
  await check();
  await deps.store.putUser(alice);

  check = await expectLogin('deleted');
  await deps.store.deleteUser(POOL_ID, 'alice');
  await check();
});

t.test('global sign-out does not end the browser session', async (t) => {
  const { app, deps } = await testEmulator(t);
  const sid = await session(app);
  const alice = deps.store.getUser(POOL_ID, 'alice')!;
  await deps.store.putUser({ ...alice, TokensRevokedAt: deps.clock.now() });
  const res = await authorize(app, sid);
  const code = new URL(String(res.headers.location)).searchParams.get('code');
  t.ok(code, 'still skips the page');
  const tokens = await redeemCode(app, { code: code! });
  t.equal(tokens.statusCode, 200, 'and the new tokens are issued');
});

t.test('authorize errors still win over a session (bad redirect_uri never redirects to the app)', async (t) => {
  const { app } = await testEmulator(t);
  const sid = await session(app);
  const bad = await authorize(app, sid, { redirectUri: 'https://evil.example/cb' });
  t.equal(bad.headers.location, `/error?error=redirect_mismatch&client_id=${PUBLIC_CLIENT}`);
  const scope = await authorize(app, sid, { scope: 'nope', state: 's' });
  t.equal(scope.headers.location, `${CALLBACK}?error_description=invalid_scope&state=s&error=invalid_request`);
});
