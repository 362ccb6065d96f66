// Response headers like Cognito's: CORS on the token endpoint (and the
// preflight browsers send before it), no-store caching on token, userInfo and pages, and the
// security headers on HTML pages.
import t, { type Test } from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { M2M_CLIENT, M2M_SECRET, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { authorizeQuery, basicAuth, postForm, signInForTokens } from '../helpers/flow.js';
import { clientCredentials, NO_STORE, userInfo } from '../helpers/oauth-flow.js';

type Injected = Awaited<ReturnType<typeof userInfo>>;

function noStore(t: Test, res: Injected, name: string) {
  t.match(String(res.headers['cache-control']), /(^|[ ,])no-store([ ,]|$)/, `${name}: Cache-Control has no-store`);
  t.equal(res.headers['cache-control'], NO_STORE, `${name}: Cognito's exact Cache-Control`);
  t.equal(res.headers.pragma, 'no-cache', `${name}: Pragma`);
}

function pageSecurity(t: Test, res: Injected, name: string) {
  const csp = String(res.headers['content-security-policy'] ?? '');
  t.match(csp, /(^|; )default-src 'none'(;|$)/, `${name}: CSP default-src 'none'`);
  t.match(csp, /(^|; )frame-ancestors 'none'(;|$)/, `${name}: CSP frame-ancestors 'none'`);
  t.notMatch(csp, /script-src[^;]*'unsafe-inline'/, `${name}: no inline scripts`);
  t.equal(res.headers['x-frame-options'], 'DENY', `${name}: X-Frame-Options`);
  t.equal(res.headers['x-content-type-options'], 'nosniff', `${name}: X-Content-Type-Options`);
  noStore(t, res, name);
}

t.test('token endpoint: Access-Control-Allow-Origin * and no-store, on success and on errors', async (t) => {
  const { app } = await testEmulator(t);
  const ok = await clientCredentials(app);
  t.equal(ok.statusCode, 200);
  t.equal(ok.headers['access-control-allow-origin'], '*', 'success: ACAO');
  noStore(t, ok, 'success');
  const withOrigin = await postForm(
    app,
    '/oauth2/token',
    { grant_type: 'client_credentials' },
    {
      headers: { authorization: basicAuth(M2M_CLIENT, M2M_SECRET), origin: 'http://localhost:3000' },
    },
  );
  t.equal(withOrigin.statusCode, 200);
  t.equal(withOrigin.headers['access-control-allow-origin'], '*', 'cross-origin request: ACAO *');

  const bad = await postForm(app, '/oauth2/token', {
    grant_type: 'authorization_code',
    code: 'nope',
    client_id: PUBLIC_CLIENT,
    redirect_uri: 'x',
  });
  t.equal(bad.statusCode, 400);
  t.equal(bad.headers['access-control-allow-origin'], '*', 'error: ACAO (the SPA must be able to read it)');
  noStore(t, bad, 'error');
  const tokens = await signInForTokens(app, { scope: 'openid' });
  t.ok(tokens.access_token, 'code flow tokens');
});

t.test('userInfo: no-store and ACAO on success and errors', async (t) => {
  const { app } = await testEmulator(t);
  const { access_token } = await signInForTokens(app, { scope: 'openid' });
  const ok = await userInfo(app, access_token);
  t.equal(ok.statusCode, 200);
  noStore(t, ok, 'userInfo 200');
  t.equal(ok.headers['access-control-allow-origin'], '*');
  const bad = await userInfo(app, 'garbage');
  t.equal(bad.statusCode, 401);
  noStore(t, bad, 'userInfo 401');
  const none = await userInfo(app, undefined);
  t.equal(none.statusCode, 400);
  noStore(t, none, 'userInfo 400');
});

t.test('HTML pages: CSP, X-Frame-Options DENY, nosniff, no-store', async (t) => {
  const { app } = await testEmulator(t);
  const login = await app.inject({ url: `/login?${authorizeQuery()}` });
  t.equal(login.statusCode, 200);
  pageSecurity(t, login, 'GET /login');
  const error = await app.inject({ url: `/error?error=redirect_mismatch&client_id=${PUBLIC_CLIENT}` });
  t.equal(error.statusCode, 400);
  t.equal(error.headers['content-type'], 'text/html; charset=utf-8');
  pageSecurity(t, error, 'GET /error');
  const authorize = await app.inject({ url: `/oauth2/authorize?${authorizeQuery()}` });
  t.equal(authorize.statusCode, 302);
  t.equal(authorize.headers['x-frame-options'], 'DENY', 'authorize redirect');
  noStore(t, authorize, 'authorize redirect');
});

t.test('CORS preflight (OPTIONS) to the token and userInfo endpoints → 204', async (t) => {
  const { app } = await testEmulator(t);
  for (const [url, method] of [
    ['/oauth2/token', 'POST'],
    ['/oauth2/userInfo', 'GET'],
    ['/oauth2/userInfo', 'POST'],
  ] as const) {
    const res = await app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    const name = `OPTIONS ${url} (${method})`;
    t.equal(res.statusCode, 204, `${name}: 204`);
    t.equal(res.headers['access-control-allow-origin'], '*', `${name}: ACAO`);
    const allowHeaders = String(res.headers['access-control-allow-headers'] ?? '')
      .toLowerCase()
      .split(/\s*,\s*/);
    t.ok(allowHeaders.includes('authorization'), `${name}: allows Authorization`);
    t.ok(allowHeaders.includes('content-type'), `${name}: allows Content-Type`);
    const allowMethods = String(res.headers['access-control-allow-methods'] ?? '').split(/\s*,\s*/);
    t.ok(allowMethods.includes(method), `${name}: allows ${method}`);
    t.equal(res.body, '', `${name}: empty body`);
  }
});
