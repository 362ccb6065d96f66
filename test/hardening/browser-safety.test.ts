// The hosted pages run in developers' browsers. Every HTML answer (pages, form errors,
// the error page, 4xx pages, injected-fault pages) and every browser redirect carries the strict
// CSP, X-Frame-Options DENY and nosniff; markup is escaped by construction; cookies are HttpOnly
// and SameSite=Lax (Secure under https); every form POST checks its CSRF token; no parameter
// (redirect_uri, logout_uri, state) can send the browser to an unregistered URL.
import t, { type Test } from 'tap';
import { createHash } from 'node:crypto';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { CONTENT_SECURITY_POLICY, PAGE_SCRIPT } from '../../src/hosted-ui/layout.js';
import { withoutPageScript, responseCookies } from '../helpers/html.js';
import { testEmulator } from '../helpers/harness.js';
import { CALLBACK, LOGOUT_URL, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { authorizeQuery, csrfField, openLoginPage, postForm, submitLogin, UUID } from '../helpers/flow.js';

import { htmlProblem, locationProblem } from '../helpers/response-checks.js';

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

function checkPageHeaders(t: Test, res: Injected, name: string) {
  t.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY, `${name}: CSP`);
  t.equal(res.headers['x-frame-options'], 'DENY', `${name}: X-Frame-Options DENY`);
  t.equal(res.headers['x-content-type-options'], 'nosniff', `${name}: nosniff`);
  t.equal(res.headers['referrer-policy'], 'no-referrer', `${name}: no Referer leaks the query (codes, state)`);
}

function checkPage(t: Test, res: Injected, name: string, status: number) {
  t.equal(res.statusCode, status, `${name}: status ${status}`);
  t.equal(res.headers['content-type'], 'text/html; charset=utf-8', `${name}: HTML`);
  checkPageHeaders(t, res, name);
  t.equal(htmlProblem(res.body), undefined, `${name}: only our own tags and attributes`);
  // The one inline stylesheet is allowed by its hash: the page is styled, and nothing else runs.
  const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1] ?? '';
  t.ok(
    CONTENT_SECURITY_POLICY.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`),
    `${name}: the CSP allows exactly our stylesheet`,
  );
}

t.test('the CSP forbids other scripts, framing, plugins and base-uri tricks', async (t) => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
  t.same(directives, {
    'default-src': "'none'",
    'style-src': directives['style-src'],
    'script-src': directives['script-src'],
    'img-src': "'self' data:",
    'frame-ancestors': "'none'",
    'base-uri': "'none'",
  });
  t.match(
    directives['style-src'],
    /^'sha256-[A-Za-z0-9+/]+=*' 'self'$/,
    'our inline stylesheet by hash, customization stylesheets from our own origin, no unsafe-inline',
  );
  t.equal(
    directives['script-src'],
    `'sha256-${createHash('sha256').update(PAGE_SCRIPT).digest('base64')}'`,
    "the page's own script by hash, nothing else",
  );
});

t.test('every HTML page and browser redirect carries the security headers; markup stays ours', async (t) => {
  const { app, deps } = await testEmulator(t);
  const evil = '"><script>alert(1)</script><x-evil>';
  const page = await openLoginPage(app, { state: evil, nonce: evil, extra: { login_hint: evil } });
  checkPage(t, page.res, 'GET /login (reflecting login_hint, state and nonce)', 200);
  t.notMatch(withoutPageScript(page.res.body), /<script|<x-evil/);
  checkPage(t, await submitLogin(app, page, evil, 'wrong'), 'POST /login, wrong password (reflecting the username)', 200);
  checkPage(
    t,
    await postForm(app, `/login?${page.query}`, { _csrf: 'forged', username: 'alice', password: 'x' }, { cookies: page.cookies }),
    'POST /login, bad CSRF',
    403,
  );
  const bob = await submitLogin(app, await openLoginPage(app), 'bob', 'TempPassw0rd!');
  checkPage(t, bob, 'the change-password page', 200);
  const step = {
    csrf: csrfField(bob.body) ?? '',
    challenge: /name="challenge" value="([^"]+)"/.exec(bob.body)?.[1] ?? '',
    cookies: { 'XSRF-TOKEN': responseCookies(bob)['XSRF-TOKEN'] ?? '' },
  };
  checkPage(
    t,
    await postForm(
      app,
      `/forceChangePassword?${authorizeQuery()}`,
      { _csrf: step.csrf, challenge: step.challenge, password: 'N3w-Passw0rd!', confirmPassword: evil },
      { cookies: step.cookies },
    ),
    'change-password mismatch',
    200,
  );
  checkPage(t, await app.inject({ url: `/error?error=${encodeURIComponent(evil)}` }), 'GET /error reflecting error', 400);
  checkPage(
    t,
    await app.inject({ method: 'POST', url: `/login?${authorizeQuery()}`, headers: { 'content-type': 'text/xml' }, payload: '<a/>' }),
    '415 page',
    415,
  );
  checkPage(
    t,
    await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `a=${'x'.repeat(300_000)}`,
    }),
    '413 page',
    413,
  );
  deps.faults.add({ route: '/login', count: 1, status: 400, delayMs: 0, error: evil });
  checkPage(t, await app.inject({ url: `/login?${authorizeQuery()}` }), 'an injected-fault page reflecting its error', 400);

  const redirects: Array<[string, string]> = [
    ['authorize → /login', `/oauth2/authorize?${authorizeQuery()}`],
    ['authorize, bad redirect_uri → /error', `/oauth2/authorize?${authorizeQuery({ redirectUri: 'https://evil.example/' })}`],
    ['authorize, bad scope → the app', `/oauth2/authorize?${authorizeQuery({ scope: 'nope' })}`],
    ['/login without a client → /error', '/login'],
    ['logout → the registered logout URL', `/logout?client_id=${PUBLIC_CLIENT}&logout_uri=${encodeURIComponent(LOGOUT_URL)}`],
  ];
  for (const [name, url] of redirects) {
    const res = await app.inject({ url });
    t.equal(res.statusCode, 302, `${name}: 302`);
    checkPageHeaders(t, res, name);
    t.equal(locationProblem(String(res.headers.location)), undefined, `${name}: Location ${res.headers.location}`);
  }
});

t.test('a UI-customized page: the stylesheet and logo are same-origin, and the stylesheet carries only customizable rules', async (t) => {
  const { app, deps } = await testEmulator(t);
  const pool = deps.store.getPool(POOL_ID)!;
  const CSS = '.banner-customizable { background-color: red; } .label-customizable { content: "</style>"; font-weight: bold</style> }';
  await deps.store.putPool({
    ...pool,
    Domain: 'safety',
    UICustomizations: {
      ALL: {
        Settings: { CSS, ImageFile: Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64'), CSSVersion: '7' },
        CreationDate: 0,
        LastModifiedDate: 0,
      },
    },
  });
  const page = await openLoginPage(app);
  checkPage(t, page.res, 'GET /login, customized', 200);
  const base = `/${POOL_ID}/ALL/7/assets`;
  t.match(page.res.body, `<link rel="stylesheet" href="${base}/CSS/custom-css.css">`);
  t.match(page.res.body, `<img class="logo-customizable" src="${base}/images/image.jpg" alt="Logo">`);
  const sheet = await app.inject({ url: `${base}/CSS/custom-css.css` });
  t.equal(sheet.headers['content-type'], 'text/css; charset=utf-8');
  t.equal(sheet.headers['x-content-type-options'], 'nosniff');
  t.equal(sheet.body, '.banner-customizable{background-color:red}', 'only allowed properties; nothing else is passed through');
  t.equal(
    (await app.inject({ url: `/${POOL_ID}/${PUBLIC_CLIENT}/7/assets/CSS/custom-css.css` })).statusCode,
    404,
    'not under a scope that has none',
  );
  t.equal((await app.inject({ url: '/__proto__/ALL/7/assets/CSS/custom-css.css' })).statusCode, 404);
});

function checkCookie(t: Test, raw: string, secure: boolean) {
  const name = raw.slice(0, raw.indexOf('='));
  t.match(raw, /; HttpOnly(;|$)/, `${name}: HttpOnly`);
  t.match(raw, /; SameSite=Lax(;|$)/, `${name}: SameSite=Lax`);
  t.match(raw, /; Path=\/(;|$)/, `${name}: Path=/`);
  if (secure) t.match(raw, /; Secure(;|$)/, `${name}: Secure under https`);
  else t.notMatch(raw, /; Secure(;|$)/, `${name}: not Secure under http (browsers would drop it)`);
}

for (const publicUrl of ['http://localhost:9229', 'https://auth.example.test']) {
  t.test(`cookies are HttpOnly, SameSite=Lax${publicUrl.startsWith('https') ? ', Secure' : ''} (${publicUrl})`, async (t) => {
    const secure = publicUrl.startsWith('https');
    const { app } = await testEmulator(t, { config: { publicUrl } });
    const page = await openLoginPage(app);
    const signedIn = await submitLogin(app, page, 'alice', 'Passw0rd!');
    const logout = await app.inject({
      url: `/logout?client_id=${PUBLIC_CLIENT}&logout_uri=${encodeURIComponent(LOGOUT_URL)}`,
      headers: { cookie: `cognito=${responseCookies(signedIn).cognito}` },
    });
    const all = [page.res, signedIn, logout].flatMap((r) => [r.headers['set-cookie'] ?? []].flat());
    t.same(
      [...new Set(all.map((c) => c.slice(0, c.indexOf('='))))].sort(),
      ['XSRF-TOKEN', 'cognito'],
      'the XSRF token, the session and its clearing',
    );
    for (const raw of all) checkCookie(t, raw, secure);
    t.equal(page.res.headers['strict-transport-security'] !== undefined, secure, 'HSTS exactly under https');
  });
}

t.test('CSRF: every form POST refuses a missing, forged or mismatched token, and changes nothing', async (t) => {
  const { app, deps } = await testEmulator(t);
  // Every POST route that serves a browser form is listed here; a new one must be added (and tested).
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (r) => {
    routes.push(r);
  });
  await app.ready();
  const formRoutes = routes.filter(
    (r) => [r.method].flat().includes('POST') && !r.url.startsWith('/_emulator') && !r.url.startsWith('/oauth2') && r.url !== '/',
  );
  t.same(
    formRoutes.map((r) => r.url).sort(),
    [
      '/confirm',
      '/confirmForgotPassword',
      '/forceChangePassword',
      '/forgotPassword',
      '/login',
      '/mfa',
      '/mfaOption',
      '/mfaSetup',
      '/resendcode',
      '/signup',
    ],
    'the hosted forms',
  );

  const page = await openLoginPage(app);
  const other = await openLoginPage(app);
  t.match(page.csrf, UUID, 'tokens are random v4 UUIDs');
  t.not(page.csrf, other.csrf, 'a new token per page');
  const attempts: Array<[string, Record<string, string>, Record<string, string>]> = [
    ['no cookie, no field', {}, {}],
    ['field without cookie', { _csrf: page.csrf }, {}],
    ['cookie without field', {}, page.cookies],
    ['mismatched pair', { _csrf: other.csrf }, page.cookies],
    ['empty pair', { _csrf: '' }, { 'XSRF-TOKEN': '' }],
  ];
  for (const [name, csrf, cookies] of attempts) {
    const res = await postForm(app, `/login?${page.query}`, { ...csrf, username: 'alice', password: 'Passw0rd!' }, { cookies });
    t.equal(res.statusCode, 403, `/login, ${name}: 403`);
    t.equal(res.headers.location, undefined, `/login, ${name}: not signed in`);
    t.equal(responseCookies(res).cognito, undefined, `/login, ${name}: no session`);
  }
  t.equal(deps.sessions.list().length, 0, 'no session was created');

  const bob = await submitLogin(app, await openLoginPage(app), 'bob', 'TempPassw0rd!');
  const challenge = /name="challenge" value="([^"]+)"/.exec(bob.body)?.[1] ?? '';
  const bobCookies = { 'XSRF-TOKEN': responseCookies(bob)['XSRF-TOKEN'] ?? '' };
  for (const [name, csrf, cookies] of [
    ['no token', {}, {}],
    ['forged token', { _csrf: 'forged' }, bobCookies],
    ['another page’s token', { _csrf: page.csrf }, bobCookies],
  ] as const) {
    const res = await postForm(
      app,
      `/forceChangePassword?${authorizeQuery()}`,
      { ...csrf, challenge, password: 'N3w-Passw0rd!', confirmPassword: 'N3w-Passw0rd!' },
      { cookies },
    );
    t.equal(res.statusCode, 403, `/forceChangePassword, ${name}: 403`);
    t.equal(res.headers.location, undefined, `/forceChangePassword, ${name}: no redirect`);
  }
  t.equal(deps.store.getUser(POOL_ID, 'bob')?.UserStatus, 'FORCE_CHANGE_PASSWORD', 'bob’s password was not changed');
  // The MFA forms: an unknown step goes to the error page before anything is reflected; no session
  // either way (with a real step, test/mfa/hosted-mfa-pages.test.ts).
  for (const path of ['/mfa', '/mfaOption', '/mfaSetup']) {
    for (const [name, csrf, cookies] of [
      ['no token', {}, {}],
      ['another page’s token', { _csrf: other.csrf }, page.cookies],
    ] as const) {
      const res = await postForm(
        app,
        `${path}?${authorizeQuery()}`,
        {
          ...csrf,
          challenge: '<script>x</script>',
          authentication_code: '123456',
          mfa_type: 'SMS_MFA',
          email: 'a@b.c',
        },
        { cookies },
      );
      t.not(res.statusCode, 200, `${path}, ${name}: not served`);
      t.notOk(res.body.includes('<script>x</script>'), `${path}, ${name}: nothing reflected`);
      t.equal(responseCookies(res).cognito, undefined, `${path}, ${name}: no session`);
    }
  }

  // The self-service forms: a token from another page or none at all changes nothing and sends nothing.
  const selfService: Array<[string, Record<string, string>]> = [
    ['/signup', { username: 'csrf-victim', password: 'Passw0rd!', 'requiredAttributes[email]': 'v@example.com' }],
    ['/confirm', { username: 'dave', code: '123456' }],
    ['/resendcode', { username: 'dave' }],
    ['/forgotPassword', { username: 'alice' }],
    ['/confirmForgotPassword', { username: 'alice', code: '123456', password: 'N3w-Passw0rd!', confirmPassword: 'N3w-Passw0rd!' }],
  ];
  for (const [path, fields] of selfService) {
    for (const [name, csrf, cookies] of [
      ['no token', {}, {}],
      ['another page’s token', { _csrf: other.csrf }, page.cookies],
    ] as const) {
      const res = await postForm(app, `${path}?${authorizeQuery()}`, { ...csrf, ...fields }, { cookies });
      t.equal(res.statusCode, 403, `${path}, ${name}: 403`);
      t.equal(res.headers.location, undefined, `${path}, ${name}: no redirect`);
    }
  }
  t.equal(deps.store.getUser(POOL_ID, 'csrf-victim'), undefined, 'no user was signed up');
  t.equal(deps.store.getUser(POOL_ID, 'dave')?.UserStatus, 'UNCONFIRMED', 'dave was not confirmed');
  t.same(deps.messages.find({ userPoolId: POOL_ID }), [], 'no code was sent');
});

t.test('no open redirect through redirect_uri, logout_uri or state', async (t) => {
  const { app } = await testEmulator(t);
  const hostile = [
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'http://localhost:3000/callback.evil.example',
    `${CALLBACK}/../../evil`,
    `${CALLBACK}@evil.example`,
    `${CALLBACK}?x=1`,
    'javascript:alert(1)',
    `${CALLBACK}\r\nLocation: https://evil.example/`,
    `${LOGOUT_URL}evil`,
    'HTTP://LOCALHOST:3000/callback',
    ` ${CALLBACK}`,
    `${CALLBACK}#x`,
    'http://localhost:3000',
    'data:text/html,<script>alert(1)</script>',
  ];
  const check = (res: Injected, name: string) => {
    const location = String(res.headers.location ?? '');
    t.equal(locationProblem(location), undefined, `${name} → ${location.slice(0, 100)}`);
    return location;
  };
  for (const uri of hostile) {
    const q = (extra: Record<string, string>) =>
      new URLSearchParams({ response_type: 'code', client_id: PUBLIC_CLIENT, ...extra }).toString();
    const authorize = check(
      await app.inject({ url: `/oauth2/authorize?${q({ redirect_uri: uri })}` }),
      `authorize redirect_uri=${JSON.stringify(uri)}`,
    );
    t.match(authorize, /^\/error\?error=redirect_mismatch/, 'goes to the error page');
    check(await app.inject({ url: `/login?${q({ redirect_uri: uri })}` }), `login redirect_uri=${JSON.stringify(uri)}`);
    const logout = check(
      await app.inject({ url: `/logout?client_id=${PUBLIC_CLIENT}&logout_uri=${encodeURIComponent(uri)}` }),
      `logout logout_uri=${JSON.stringify(uri)}`,
    );
    t.match(logout, /^\/error\?/, 'an unregistered logout_uri is never followed');
    check(
      await app.inject({
        url:
          `/logout?client_id=${PUBLIC_CLIENT}&logout_uri=${encodeURIComponent(LOGOUT_URL)}&redirect_uri=${encodeURIComponent(uri)}` +
          `&response_type=code`,
      }),
      `logout with both, redirect_uri=${JSON.stringify(uri)}`,
    );

    // state is echoed to the registered callback, encoded: it cannot change where the browser goes.
    const state = `${uri}&redirect_uri=${uri}`;
    for (const [name, res] of [
      ['authorize prompt=none', await app.inject({ url: `/oauth2/authorize?${q({ redirect_uri: CALLBACK, state, prompt: 'none' })}` })],
      ['authorize bad scope', await app.inject({ url: `/oauth2/authorize?${q({ redirect_uri: CALLBACK, state, scope: 'nope' })}` })],
      ['sign-in', await submitLogin(app, await openLoginPage(app, { state }), 'alice', 'Passw0rd!')],
    ] as const) {
      const location = check(res, `${name}, state=${JSON.stringify(state)}`);
      const url = new URL(location);
      t.equal(`${url.origin}${url.pathname}`, CALLBACK, `${name}: the registered callback`);
      t.equal(url.searchParams.get('state'), state, `${name}: state comes back exactly, as one parameter`);
      t.equal(url.searchParams.getAll('redirect_uri').length, 0, `${name}: no parameter smuggled in`);
    }
  }
});
