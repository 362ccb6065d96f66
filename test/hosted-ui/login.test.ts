// GET/POST /login (https://docs.aws.amazon.com/cognito/latest/developerguide/login-endpoint.html):
// the classic hosted UI's markup and sign-in outcomes.
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { CALLBACK, EMAIL_POOL_ID, PASSWORD, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { authorizeQuery, csrfField, openLoginPage, postForm, signIn, submitLogin, UUID } from '../helpers/flow.js';
import { responseCookie, responseCookies, inBoth, tags, textOf, withoutPageScript } from '../helpers/html.js';

const INCORRECT = 'Incorrect username or password.';
const NO_STORE = 'no-cache, no-store, max-age=0, must-revalidate';
const EMAIL_CLIENT = 'emailclient000000000000000';

t.test('GET /login renders the form with Cognito selectors', async (t) => {
  const { app } = await testEmulator(t);
  const query = authorizeQuery({ scope: 'openid email', state: 'xyz' });
  const res = await app.inject({ url: `/login?${query}` });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/html; charset=utf-8');

  const forms = tags(res.body, 'form').filter((f) => f.name === 'cognitoSignInForm');
  t.equal(forms.length, 2, 'the sign-in form twice: mobile copy, desktop copy');
  t.equal(forms[0]?.method, 'post');
  t.equal(forms[0]?.action, `/login?${query}`, 'posts back to /login with the same query');
  t.match(res.body, `action="/login?${query.replaceAll('&', '&amp;')}"`, 'query separators are &amp;-escaped in the markup');

  t.match(inBoth(res.body, 'input', { id: 'signInFormUsername' }), { name: 'username', type: 'text' });
  t.match(inBoth(res.body, 'input', { id: 'signInFormPassword' }), { name: 'password', type: 'password' });
  inBoth(res.body, 'input', { type: 'Submit', name: 'signInSubmitButton', value: 'Sign in', 'aria-label': 'submit' });
  inBoth(res.body, 'input', { type: 'hidden', name: 'cognitoAsfData', value: '' });

  const csrf = inBoth(res.body, 'input', { type: 'hidden', name: '_csrf' }).value;
  const cookie = responseCookie(res, 'XSRF-TOKEN');
  t.match(csrf, UUID, '_csrf is a UUID');
  t.equal(cookie?.value, csrf, '_csrf equals the XSRF-TOKEN cookie');
  t.match(cookie, { path: '/', httpOnly: true, sameSite: 'Lax' });
  t.notOk(cookie?.secure, 'not Secure on an http PUBLIC_URL');

  t.equal(textOf(res.body, 'loginErrorMessage'), undefined, 'no error message on a fresh page');
  t.equal(inBoth(res.body, 'input', { id: 'signInFormUsername' }).value, '', 'username empty without login_hint');
  const fresh = await app.inject({ url: `/login?${query}` });
  t.not(responseCookies(fresh)['XSRF-TOKEN'], csrf, 'every page gets a fresh CSRF token');
});

t.test('GET /login: client name shown and escaped; login_hint prefills', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({ url: `/login?${authorizeQuery({ extra: { login_hint: 'alice' } })}` });
  t.match(res.body, '<strong data-testid="client-name">Public &lt;SPA&gt;</strong>');
  t.notMatch(res.body, 'Public <SPA>');
  t.equal(inBoth(res.body, 'input', { id: 'signInFormUsername' }).value, 'alice');

  const other = await app.inject({ url: `/login?${authorizeQuery({ clientId: SECRET_CLIENT })}` });
  t.match(other.body, '<strong data-testid="client-name">Confidential</strong>');
});

t.test('GET /login: security headers', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({ url: `/login?${authorizeQuery()}` });
  const csp = String(res.headers['content-security-policy']);
  t.match(csp, /(^|; )default-src 'none'(;|$)/);
  t.match(csp, /(^|; )frame-ancestors 'none'(;|$)/);
  t.match(csp, /(^|; )script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/, 'one script, allowed by its hash');
  t.notMatch(csp, /unsafe-inline/);
  t.equal(res.headers['x-frame-options'], 'DENY');
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.equal(res.headers['cache-control'], NO_STORE);
  t.equal(res.headers.pragma, 'no-cache');
  t.match(res.headers['x-amz-cognito-request-id'], UUID);
  t.equal(res.headers['strict-transport-security'], undefined, 'no HSTS on http');
  t.notMatch(withoutPageScript(res.body), /<script/i, "no script but the page's own");
});

t.test('GET /login: HSTS and Secure cookies when PUBLIC_URL is https', async (t) => {
  const { app } = await testEmulator(t, { config: { publicUrl: 'https://auth.example.test' } });
  const res = await app.inject({ url: `/login?${authorizeQuery()}` });
  t.equal(res.headers['strict-transport-security'], 'max-age=31536000 ; includeSubDomains');
  t.equal(responseCookie(res, 'XSRF-TOKEN')?.secure, true);
});

t.test('GET /login: hostile strings in any parameter never reach the page unescaped', async (t) => {
  const { app } = await testEmulator(t);
  const hostile = ['"><script>alert(1)</script>', "' onmouseover=alert(1) x='", '</form><img src=x onerror=alert(1)>', '`${x}`&amp;'];
  const rendered = ['state', 'nonce', 'login_hint', 'prompt', 'lang', 'identity_provider', 'some_unknown_param'];
  for (const value of hostile) {
    for (const name of rendered) {
      const res = await app.inject({ url: `/login?${authorizeQuery({ extra: { [name]: value } })}` });
      t.equal(res.statusCode, 200, `${name}=${value}: rendered`);
      t.notMatch(withoutPageScript(res.body), /<script/i, `${name}=${value}: no script tag`);
      t.notMatch(res.body, /<img/i, `${name}=${value}: no img tag`);
      t.notMatch(res.body, /['"] onmouseover=/, `${name}=${value}: no attribute break-out`);
      t.equal(tags(res.body, 'form').length, 2, `${name}=${value}: forms intact`);
      t.equal(tags(res.body, 'input').length, 10, `${name}=${value}: inputs intact`);
      if (name === 'login_hint') t.equal(inBoth(res.body, 'input', { id: 'signInFormUsername' }).value, value, 'login_hint round-trips');
    }
    // Where the value makes the request invalid, the answer is a redirect with an encoded Location.
    for (const name of ['client_id', 'redirect_uri', 'scope', 'response_type']) {
      const res = await app.inject({ url: `/login?${authorizeQuery({ extra: { [name]: value } })}` });
      t.equal(res.statusCode, 302, `${name}=${value}: redirect`);
      t.notMatch(String(res.headers.location), /[<>"' `]/, `${name}=${value}: Location is encoded`);
      t.notMatch(res.body, /<script/i);
    }
  }
});

t.test('GET /login validates like /oauth2/authorize', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, string, string]> = [
    ['unknown client', authorizeQuery({ clientId: 'nosuch' }), '/error?error=invalid_request&client_id=nosuch'],
    ['bad redirect_uri', authorizeQuery({ redirectUri: `${CALLBACK}/` }), `/error?error=redirect_mismatch&client_id=${PUBLIC_CLIENT}`],
    [
      'bad scope',
      authorizeQuery({ scope: 'nope', state: 's' }),
      `${CALLBACK}?error_description=invalid_scope&state=s&error=invalid_request`,
    ],
    ['no query at all', '', '/error?error=invalid_request'],
  ];
  for (const [name, query, location] of cases) {
    const get = await app.inject({ url: `/login?${query}` });
    t.equal(get.statusCode, 302, `GET ${name}`);
    t.equal(get.headers.location, location, `GET ${name}`);
    const post = await postForm(app, `/login?${query}`, { username: 'alice', password: PASSWORD });
    t.equal(post.statusCode, 302, `POST ${name}`);
    t.equal(post.headers.location, location, `POST ${name}`);
  }
});

t.test('POST /login: CSRF token missing or wrong → 403 page, no sign-in', async (t) => {
  const { app } = await testEmulator(t);
  const page = await openLoginPage(app, { state: 'xyz' });
  const base = { username: 'alice', password: PASSWORD };
  const cases: Array<[string, Record<string, string>, Record<string, string>]> = [
    ['no cookie, no field', base, {}],
    ['field without cookie', { ...base, _csrf: page.csrf }, {}],
    ['cookie without field', base, page.cookies],
    ['mismatch', { ...base, _csrf: '00000000-0000-4000-8000-000000000000' }, page.cookies],
    ['empty field and cookie', { ...base, _csrf: '' }, { 'XSRF-TOKEN': '' }],
    ['prefix of the token', { ...base, _csrf: page.csrf.slice(0, 10) }, page.cookies],
  ];
  for (const [name, fields, cookies] of cases) {
    const res = await postForm(app, `/login?${page.query}`, fields, { cookies });
    t.equal(res.statusCode, 403, `${name}: 403`);
    t.equal(res.headers.location, undefined, `${name}: no redirect`);
    t.equal(responseCookie(res, 'cognito'), undefined, `${name}: no session`);
    t.equal(textOf(res.body, 'loginErrorMessage'), 'Your sign-in form expired. Please try again.', `${name}: message`);
    // A fresh form the user can submit.
    const fresh = responseCookies(res)['XSRF-TOKEN'];
    t.equal(csrfField(res.body), fresh, `${name}: fresh token in form and cookie`);
    t.equal(inBoth(res.body, 'input', { id: 'signInFormUsername' }).value, 'alice', `${name}: username kept`);
  }
});

t.test('POST /login: failed sign-ins re-render the page with Cognito’s message', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, string, string, string]> = [
    ['wrong password', 'alice', 'wrong', INCORRECT],
    ['password of another case', 'alice', PASSWORD.toLowerCase(), INCORRECT],
    ['empty password', 'alice', '', INCORRECT],
    ['unknown user (LEGACY client)', 'mallory', PASSWORD, 'User does not exist.'],
    ['empty username', '', PASSWORD, 'User does not exist.'],
    ['disabled user, right password', 'carol', PASSWORD, 'User is disabled.'],
    ['disabled user, wrong password', 'carol', 'wrong', 'User is disabled.'],
    ['unconfirmed user, wrong password', 'dave', 'wrong', 'User is not confirmed.'],
    ['unconfirmed user, right password', 'dave', PASSWORD, 'User is not confirmed.'],
    ['force-change user, wrong password', 'bob', 'wrong', INCORRECT],
    ['email of a username pool is not a login', 'alice@example.com', PASSWORD, 'User does not exist.'],
    ['prototype key as username', '__proto__', PASSWORD, 'User does not exist.'],
    ['hostile username', '"><script>alert(1)</script>', PASSWORD, 'User does not exist.'],
  ];
  for (const [name, username, password, message] of cases) {
    const page = await openLoginPage(app, { state: 'xyz' });
    const res = await submitLogin(app, page, username, password);
    t.equal(res.statusCode, 200, `${name}: 200`);
    t.equal(res.headers.location, undefined, `${name}: no redirect`);
    t.equal(responseCookie(res, 'cognito'), undefined, `${name}: no session cookie`);
    t.equal(textOf(res.body, 'loginErrorMessage'), message, `${name}: message`);
    t.equal(inBoth(res.body, 'input', { id: 'signInFormUsername' }).value, username, `${name}: username kept`);
    t.equal(
      tags(res.body, 'input').filter((i) => i.name === 'password' && i.value !== undefined && i.value !== '').length,
      0,
      `${name}: password not echoed`,
    );
    t.equal(csrfField(res.body), responseCookies(res)['XSRF-TOKEN'], `${name}: fresh CSRF pair`);
    t.notMatch(withoutPageScript(res.body), /<script/i, `${name}: nothing unescaped`);
  }
});

t.test('POST /login: FORCE_CHANGE_PASSWORD user gets the change-password form', async (t) => {
  const { app } = await testEmulator(t);
  const page = await openLoginPage(app, { state: 'xyz' });
  const res = await submitLogin(app, page, 'bob', 'TempPassw0rd!');
  t.equal(res.statusCode, 200);
  t.equal(res.headers.location, undefined);
  t.equal(responseCookie(res, 'cognito'), undefined, 'not signed in yet');
  const form = inBoth(res.body, 'form', { name: 'cognitoNewPasswordForm' });
  t.equal(form.action, `/forceChangePassword?${page.query}`);
  t.equal(form.method, 'post');
  t.match(inBoth(res.body, 'input', { name: 'challenge', type: 'hidden' }).value, /^[A-Za-z0-9+/]{128}$/, 'the challenge session');
  t.equal(csrfField(res.body), responseCookies(res)['XSRF-TOKEN']);
  inBoth(res.body, 'input', { id: 'new_password', name: 'password', type: 'password' });
  inBoth(res.body, 'input', { id: 'confirm_password', name: 'confirmPassword', type: 'password' });
  inBoth(res.body, 'button', { name: 'reset_password', type: 'submit' });
});

t.test('POST /login: success → 302 to the callback with a code, session cookie set', async (t) => {
  const { app } = await testEmulator(t);
  const page = await openLoginPage(app, { state: 'xyz', scope: 'openid' });
  const res = await submitLogin(app, page, 'alice', PASSWORD);
  t.equal(res.statusCode, 302);
  const location = String(res.headers.location);
  t.match(location, new RegExp(`^${CALLBACK}\\?code=[0-9a-f-]{36}&state=xyz$`));
  t.match(new URL(location).searchParams.get('code'), UUID);
  t.equal(res.body, '');
  t.equal(res.headers['cache-control'], NO_STORE);

  const session = responseCookie(res, 'cognito');
  t.match(session, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 3600 });
  t.match(session?.value, /^\S{20,}$/);
  const xsrf = responseCookies(res)['XSRF-TOKEN'];
  t.match(xsrf, UUID);
  t.not(xsrf, page.csrf, 'XSRF-TOKEN re-issued after sign-in');

  // Codes are fresh UUIDs every time.
  const second = await signIn(app);
  t.not(second.code, new URL(location).searchParams.get('code'));
});

t.test('POST /login: no state sent → only code in the Location', async (t) => {
  const { app } = await testEmulator(t);
  const { location } = await signIn(app);
  t.same([...location.searchParams.keys()], ['code']);
  t.equal(`${location.origin}${location.pathname}`, CALLBACK);
  t.equal(location.hash, '');

  const custom = await signIn(app, { redirectUri: 'myapp://callback', state: 'a b' });
  t.match(custom.res.headers.location, /^myapp:\/\/callback\?code=[0-9a-f-]{36}&state=a\+b$/);
});

t.test('email-as-username pool signs in with the email', async (t) => {
  const { app, deps } = await testEmulator(t);
  const { code } = await signIn(app, { clientId: EMAIL_CLIENT, scope: 'openid email', username: 'erin@example.com' });
  t.match(code, UUID);
  const erin = deps.store.findUserByAttribute(EMAIL_POOL_ID, 'email', 'erin@example.com');
  t.match(erin?.Username, UUID, 'the real username is the sub');
  t.equal(erin?.Username, erin?.Attributes.sub);

  // Email is matched case-insensitively (lowdb-store aliasKey), the username itself is not a login here.
  const upper = await signIn(app, { clientId: EMAIL_CLIENT, username: 'ERIN@example.com' });
  t.match(upper.code, UUID);
  const page = await openLoginPage(app, { clientId: EMAIL_CLIENT });
  const wrong = await submitLogin(app, page, 'erin@example.com', 'nope');
  t.equal(textOf(wrong.body, 'loginErrorMessage'), INCORRECT);
});
