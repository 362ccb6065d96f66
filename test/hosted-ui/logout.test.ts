// GET /logout (https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html):
// client_id + registered logout_uri → clear the session and go there; redirect_uri + response_type
// → clear and show /login for that request; nothing else is ever followed, and hostile values never
// leave the registered URLs or reach a header.
import t from 'tap';
import { testEmulator, PUBLIC_URL } from '../helpers/harness.js';
import { API, CALLBACK, LOGOUT_URL, NO_REVOKE_CLIENT, PASSWORD, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { authorizeQuery, openLoginPage, signIn, submitLogin } from '../helpers/flow.js';
import { responseCookies } from '../helpers/html.js';
import { cookieAttributes, getWithSession, setCookieLine, setCookieLines } from '../helpers/oauth-flow.js';

const EMAIL_CLIENT = 'emailclient000000000000000';
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const ALL_PUBLIC_SCOPES = `openid email phone profile aws.cognito.signin.user.admin ${API}/read`;

type App = Parameters<typeof signIn>[0];
const authorize = (app: App, sid: string, p: Parameters<typeof authorizeQuery>[0] = {}) =>
  getWithSession(app, `/oauth2/authorize?${authorizeQuery(p)}`, sid);
const skipsPage = async (app: App, sid: string, p: Parameters<typeof authorizeQuery>[0] = {}) =>
  String((await authorize(app, sid, p)).headers.location).startsWith(`${CALLBACK}?code=`);

t.test('client_id + registered logout_uri → 302 there, session cookie cleared, next authorize shows /login', async (t) => {
  const { app } = await testEmulator(t);
  const sid = (await signIn(app)).cookies.cognito!;
  t.ok(await skipsPage(app, sid), 'signed in before');

  const res = await getWithSession(app, `/logout?${q({ client_id: PUBLIC_CLIENT, logout_uri: LOGOUT_URL, state: 'ignored' })}`, sid);
  t.equal(res.statusCode, 302);
  t.equal(res.headers.location, LOGOUT_URL, 'exactly the logout URL: every other parameter ignored');
  const line = setCookieLine(res, 'cognito');
  t.ok(line.startsWith('cognito=;'), 'empty value');
  const attrs = cookieAttributes(line);
  t.equal(attrs['max-age'], '0');
  t.equal(attrs.expires, 'Thu, 01 Jan 1970 00:00:00 GMT');
  t.equal(attrs.path, '/');
  t.equal(res.headers['x-frame-options'], 'DENY');
  t.equal(res.headers['access-control-allow-origin'], undefined, '/logout sends no CORS headers');

  const after = await authorize(app, sid);
  t.equal(after.headers.location, `${PUBLIC_URL}/login?${authorizeQuery()}`, 'the old cookie no longer signs in');
  const none = await getWithSession(app, `/oauth2/authorize?${authorizeQuery({ extra: { prompt: 'none' } })}`, sid);
  t.equal(none.headers.location, `${CALLBACK}?error=login_required`);
});

t.test('logout without a session still redirects and clears the cookie', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({ url: `/logout?${q({ client_id: SECRET_CLIENT, logout_uri: LOGOUT_URL })}` });
  t.equal(res.statusCode, 302);
  t.equal(res.headers.location, LOGOUT_URL);
  t.equal(cookieAttributes(setCookieLine(res, 'cognito'))['max-age'], '0');
});

t.test('logout of pool A keeps the session of pool B', async (t) => {
  const { app } = await testEmulator(t);
  const sidA = (await signIn(app)).cookies.cognito!;
  const other = { clientId: EMAIL_CLIENT, scope: 'openid' };
  const page = await openLoginPage(app, other);
  const both = responseCookies(
    await submitLogin(app, { ...page, cookies: { ...page.cookies, cognito: sidA } }, 'erin@example.com', PASSWORD),
  ).cognito!;
  t.ok((await skipsPage(app, both)) && (await skipsPage(app, both, other)), 'signed in to both pools');

  const res = await getWithSession(app, `/logout?${q({ client_id: PUBLIC_CLIENT, logout_uri: LOGOUT_URL })}`, both);
  t.equal(res.headers.location, LOGOUT_URL);
  t.equal(setCookieLines(res).filter((l) => l.startsWith('cognito=')).length, 0, 'cookie kept: pool B still uses it');
  t.equal((await authorize(app, both)).headers.location, `${PUBLIC_URL}/login?${authorizeQuery()}`, 'pool A signed out');
  t.ok(await skipsPage(app, both, other), 'pool B still signed in');
});

t.test('unregistered logout_uri is never followed', async (t) => {
  const { app } = await testEmulator(t);
  const sid = (await signIn(app)).cookies.cognito!;
  const missing = `/error?error=Required+parameters+missing&client_id=${PUBLIC_CLIENT}`;
  const cases = [
    'https://evil.example/',
    `${LOGOUT_URL}x`,
    'http://localhost:3000',
    'HTTP://localhost:3000/',
    'http://localhost:3000/?a=1',
    CALLBACK, // a callback URL is not a logout URL
    '',
  ];
  for (const logoutUri of cases) {
    const res = await getWithSession(app, `/logout?${q({ client_id: PUBLIC_CLIENT, logout_uri: logoutUri })}`, sid);
    t.equal(res.statusCode, 302, `${JSON.stringify(logoutUri)}: status`);
    t.equal(res.headers.location, missing, `${JSON.stringify(logoutUri)}: the error page`);
  }
  const noLogoutUrls = await app.inject({ url: `/logout?${q({ client_id: NO_REVOKE_CLIENT, logout_uri: LOGOUT_URL })}` });
  t.equal(
    noLogoutUrls.headers.location,
    `/error?error=Required+parameters+missing&client_id=${NO_REVOKE_CLIENT}`,
    'a URL registered for another client',
  );
  t.ok(await skipsPage(app, sid), 'a refused logout does not sign out');
  const page = await app.inject({ url: missing });
  t.equal(page.statusCode, 400, 'the error page is served with 400');
});

t.test('missing or unknown client_id → /error', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, Record<string, string>, string]> = [
    ['no parameters', {}, '/error?error=invalid_request'],
    ['no client_id', { logout_uri: LOGOUT_URL }, '/error?error=invalid_request'],
    [
      'unknown client_id',
      { client_id: 'nosuchclient00000000000000', logout_uri: LOGOUT_URL },
      '/error?error=invalid_request&client_id=nosuchclient00000000000000',
    ],
    ['OIDC parameters only', { post_logout_redirect_uri: LOGOUT_URL, id_token_hint: 'x' }, '/error?error=invalid_request'],
  ];
  for (const [name, params, location] of cases) {
    const res = await app.inject({ url: `/logout?${q(params)}` });
    t.equal(res.statusCode, 302, `${name}: status`);
    t.equal(res.headers.location, location, `${name}: location`);
  }
  const repeated = await app.inject({
    url: `/logout?client_id=${PUBLIC_CLIENT}&client_id=${SECRET_CLIENT}&logout_uri=${encodeURIComponent(LOGOUT_URL)}`,
  });
  t.equal(repeated.headers.location, '/error?error=invalid_request', 'client_id repeated with different values');
  // oidc-client-ts's signoutRedirect() without a stored user sends client_id twice, same value.
  const same = await app.inject({
    url: `/logout?client_id=${PUBLIC_CLIENT}&logout_uri=${encodeURIComponent(LOGOUT_URL)}&client_id=${PUBLIC_CLIENT}`,
  });
  t.equal(same.statusCode, 302);
  t.equal(same.headers.location, LOGOUT_URL, 'client_id repeated with the same value counts once');
});

t.test('redirect_uri + response_type → clear the session, then /login with those parameters', async (t) => {
  const { app } = await testEmulator(t);
  const sid = (await signIn(app)).cookies.cognito!;
  const res = await getWithSession(
    app,
    `/logout?${q({
      client_id: PUBLIC_CLIENT,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid email',
      state: 'st',
      nonce: 'nn',
    })}`,
    sid,
  );
  t.equal(res.statusCode, 302);
  t.equal(
    res.headers.location,
    `${PUBLIC_URL}/login?client_id=${PUBLIC_CLIENT}&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&response_type=code&scope=op` +
      `enid+email&state=st&nonce=nn`,
  );
  t.equal(cookieAttributes(setCookieLine(res, 'cognito'))['max-age'], '0', 'cookie cleared');
  t.equal((await authorize(app, sid)).headers.location, `${PUBLIC_URL}/login?${authorizeQuery()}`, 'signed out');

  const login = await app.inject({ url: String(res.headers.location) });
  t.equal(login.statusCode, 200, 'the /login it points to renders the sign-in page');
});

t.test('scope omitted → every scope of the client; no state → no state', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({ url: `/logout?${q({ client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK, response_type: 'token' })}` });
  t.equal(res.statusCode, 302);
  t.equal(
    res.headers.location,
    `${PUBLIC_URL}/login?${q({
      client_id: PUBLIC_CLIENT,
      redirect_uri: CALLBACK,
      response_type: 'token',
      scope: ALL_PUBLIC_SCOPES,
    })}`,
  );
  t.match(
    String(res.headers.location),
    'scope=openid+email+phone+profile+aws.cognito.signin.user.admin+https%3A%2F%2Fapi.test.example%2Fread',
  );
});

t.test('logout_uri wins over redirect_uri when both are given', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({
    url: `/logout?${q({
      client_id: PUBLIC_CLIENT,
      logout_uri: LOGOUT_URL,
      redirect_uri: CALLBACK,
      response_type: 'code',
    })}`,
  });
  t.equal(res.headers.location, LOGOUT_URL);
});

t.test('redirect_uri problems → /error, never the unregistered URL', async (t) => {
  const { app } = await testEmulator(t);
  const mismatch = `/error?error=redirect_mismatch&client_id=${PUBLIC_CLIENT}`;
  for (const redirectUri of ['https://evil.example/cb', `${CALLBACK}/`, LOGOUT_URL, '']) {
    const res = await app.inject({ url: `/logout?${q({ client_id: PUBLIC_CLIENT, redirect_uri: redirectUri, response_type: 'code' })}` });
    t.equal(res.headers.location, mismatch, `${JSON.stringify(redirectUri)}`);
  }
  // An unregistered logout_uri is ignored, and then the redirect_uri rules apply.
  const both = await app.inject({
    url: `/logout?${q({
      client_id: PUBLIC_CLIENT,
      logout_uri: 'https://evil.example/',
      redirect_uri: CALLBACK,
      response_type: 'code',
      state: 's',
    })}`,
  });
  t.equal(
    both.headers.location,
    `${PUBLIC_URL}/login\
?${q({ client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK, response_type: 'code', scope: ALL_PUBLIC_SCOPES, state: 's' })}`,
  );
  // A valid redirect_uri with a bad authorize request: the error goes to that registered callback.
  const noType = await app.inject({ url: `/logout?${q({ client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK, state: 's' })}` });
  t.equal(noType.headers.location, `${CALLBACK}?error=invalid_request&state=s`);
  const badScope = await app.inject({
    url: `/logout?${q({ client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK, response_type: 'code', scope: 'nope' })}`,
  });
  t.equal(badScope.headers.location, `${CALLBACK}?error_description=invalid_scope&error=invalid_request`);
});

t.test('hostile values never produce a Location outside registered URLs nor inject headers', async (t) => {
  const { app } = await testEmulator(t);
  const hostile = [
    'javascript:alert(1)',
    '//evil.example',
    '//evil.example/%2e%2e',
    '/\\evil.example',
    `${LOGOUT_URL}\r\nSet-Cookie:x=1`,
    `${CALLBACK}\r\nSet-Cookie:x=1`,
    `${LOGOUT_URL}%0d%0aSet-Cookie:x=1`,
    ' http://localhost:3000/',
    'http://localhost:3000/ ',
  ];
  const allowed = (location: string) =>
    location === LOGOUT_URL ||
    location.startsWith('/error?') ||
    location.startsWith(`${PUBLIC_URL}/login?`) ||
    location.startsWith(`${CALLBACK}?`);
  const check = async (name: string, url: string) => {
    const res = await app.inject({ url });
    t.equal(res.statusCode, 302, `${name}: status`);
    const location = String(res.headers.location);
    t.ok(allowed(location), `${name}: Location ${location}`);
    t.notMatch(location, /[\r\n]/, `${name}: no CR/LF in Location`);
    t.equal(res.headers.x, undefined, `${name}: no injected header`);
    t.notOk(
      setCookieLines(res).some((l) => l.startsWith('x=')),
      `${name}: no injected cookie`,
    );
  };
  for (const value of hostile) {
    await check(`logout_uri ${JSON.stringify(value)}`, `/logout?${q({ client_id: PUBLIC_CLIENT, logout_uri: value })}`);
    await check(
      `redirect_uri ${JSON.stringify(value)}`,
      `/logout?${q({ client_id: PUBLIC_CLIENT, redirect_uri: value, response_type: 'code' })}`,
    );
    await check(
      `state ${JSON.stringify(value)}`,
      `/logout?${q({ client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK, response_type: 'code', state: value })}`,
    );
    await check(`client_id ${JSON.stringify(value)}`, `/logout?${q({ client_id: value, logout_uri: LOGOUT_URL })}`);
  }
  // Raw (not form-encoded) CRLF sequences in the query string.
  await check('raw %0d%0a in logout_uri', `/logout?client_id=${PUBLIC_CLIENT}&logout_uri=http://localhost:3000/%0d%0aSet-Cookie:x=1`);
  await check(
    'repeated logout_uri (registered + hostile)',
    `/logout?client_id=${PUBLIC_CLIENT}&logout_uri=${encodeURIComponent(LOGOUT_URL)}&logout_uri\
=${encodeURIComponent('https://evil.example/')}`,
  );
  await check(
    'raw %0d%0a in state',
    `/logout?client_id=${PUBLIC_CLIENT}&redirect_uri=${encodeURIComponent(CALLBACK)}&response_type=code&state=a%0d%0aSet-Cookie:x=1`,
  );
  const state = await app.inject({
    url: `/logout?${q({ client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK, response_type: 'code', state: 'a\r\nSet-Cookie: x=1' })}`,
  });
  t.match(String(state.headers.location), /&state=a%0D%0ASet-Cookie%3A\+x%3D1$/, 'state is carried, encoded');
});
