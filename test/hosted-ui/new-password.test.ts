// POST /forceChangePassword: a FORCE_CHANGE_PASSWORD user (bob) chooses a new password on the
// hosted page, then continues to the app (path and field names are ours).
import t from 'tap';
import type { FastifyInstance } from 'fastify';
import { testEmulator } from '../helpers/harness.js';
import { CALLBACK, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { csrfField, openLoginPage, postForm, signIn, submitLogin, UUID, type LoginPage } from '../helpers/flow.js';
import { responseCookie, responseCookies, inBoth, textOf, withoutPageScript } from '../helpers/html.js';

const TEMP = 'TempPassw0rd!';
const NEW = 'N3w-Passw0rd!';

interface Step {
  query: string;
  challenge: string;
  csrf: string;
  cookies: Record<string, string>;
}

/** bob through /login to the change-password form. */
async function challengeStep(app: FastifyInstance, state = 'xyz'): Promise<Step & { page: LoginPage }> {
  const page = await openLoginPage(app, { state, scope: 'openid email' });
  const res = await submitLogin(app, page, 'bob', TEMP);
  const challenge = inBoth(res.body, 'input', { name: 'challenge' }).value ?? '';
  return {
    page,
    query: page.query,
    challenge,
    csrf: csrfField(res.body) ?? '',
    cookies: { 'XSRF-TOKEN': responseCookies(res)['XSRF-TOKEN'] ?? '' },
  };
}

const submit = (app: FastifyInstance, s: Step, password: string, confirm = password, extra: Record<string, string> = {}) =>
  postForm(
    app,
    `/forceChangePassword?${s.query}`,
    { _csrf: s.csrf, challenge: s.challenge, password, confirmPassword: confirm, ...extra },
    { cookies: s.cookies },
  );

/** The next step after a re-rendered form (fresh CSRF pair, same challenge). */
const next = (s: Step, res: Awaited<ReturnType<typeof submit>>): Step => ({
  ...s,
  csrf: csrfField(res.body) ?? '',
  cookies: { 'XSRF-TOKEN': responseCookies(res)['XSRF-TOKEN'] ?? '' },
});

/** The pending challenge's session, as the JSON API's Session: 96 random bytes in base64. */
const SESSION = /^[A-Za-z0-9+/]{128}$/;

t.test('policy violations and mismatches re-render the form', async (t) => {
  const { app } = await testEmulator(t);
  let step: Step = await challengeStep(app);
  const cases: Array<[string, string, string]> = [
    ['too short', 'Ab1!xyz', 'Password did not conform with password policy: Password not long enough'],
    ['no upper case', 'abcdefg1!', 'Password did not conform with password policy: Password must have uppercase characters'],
    ['no lower case', 'ABCDEFG1!', 'Password did not conform with password policy: Password must have lowercase characters'],
    ['no digit', 'Abcdefgh!', 'Password did not conform with password policy: Password must have numeric characters'],
    ['no symbol', 'Abcdefgh1', 'Password did not conform with password policy: Password must have symbol characters'],
    ['empty', '', 'Password did not conform with password policy: Password not long enough'],
  ];
  for (const [name, password, message] of cases) {
    const res = await submit(app, step, password);
    t.equal(res.statusCode, 200, `${name}: 200`);
    t.equal(res.headers.location, undefined, `${name}: no redirect`);
    t.equal(textOf(res.body, 'newPasswordErrorMessage'), message, `${name}: message`);
    t.equal(inBoth(res.body, 'input', { name: 'challenge' }).value, step.challenge, `${name}: same challenge`);
    step = next(step, res);
  }
  const mismatch = await submit(app, step, NEW, `${NEW}x`);
  t.equal(mismatch.statusCode, 200);
  t.equal(textOf(mismatch.body, 'newPasswordErrorMessage'), 'Passwords do not match.');
  step = next(step, mismatch);
  const missingConfirm = await postForm(
    app,
    `/forceChangePassword?${step.query}`,
    { _csrf: step.csrf, challenge: step.challenge, password: NEW },
    { cookies: step.cookies },
  );
  t.equal(textOf(missingConfirm.body, 'newPasswordErrorMessage'), 'Passwords do not match.');
  step = next(step, missingConfirm);

  // The user is still waiting for a new password: the temporary one still leads to the form.
  const stillTemp = await challengeStep(app);
  t.match(stillTemp.challenge, SESSION);
  // And the failed attempts did not use up the challenge.
  const ok = await submit(app, step, NEW);
  t.equal(ok.statusCode, 302);
});

t.test('CSRF missing or wrong → 403 with the form again', async (t) => {
  const { app } = await testEmulator(t);
  const step = await challengeStep(app);
  const cases: Array<[string, Step]> = [
    ['no cookie', { ...step, cookies: {} }],
    ['wrong field', { ...step, csrf: '00000000-0000-4000-8000-000000000000' }],
    ['empty field', { ...step, csrf: '' }],
  ];
  for (const [name, s] of cases) {
    const res = await submit(app, s, NEW);
    t.equal(res.statusCode, 403, `${name}: 403`);
    t.equal(res.headers.location, undefined, `${name}: no redirect`);
    t.equal(textOf(res.body, 'newPasswordErrorMessage'), 'Your form expired. Please try again.', `${name}: message`);
  }
  // Still possible with the right pair afterwards.
  const ok = await submit(app, step, NEW);
  t.equal(ok.statusCode, 302);
});

t.test('unknown, used, expired or foreign challenge → the error page', async (t) => {
  const { app, clock } = await testEmulator(t);
  const errorPage = `/error?error=invalid_request&client_id=${PUBLIC_CLIENT}`;
  const step = await challengeStep(app);

  const forged = await submit(app, { ...step, challenge: '11111111-1111-4111-8111-111111111111' }, NEW);
  t.equal(forged.statusCode, 302);
  t.equal(forged.headers.location, errorPage, 'forged challenge');
  const missing = await postForm(
    app,
    `/forceChangePassword?${step.query}`,
    { _csrf: step.csrf, password: NEW, confirmPassword: NEW },
    { cookies: step.cookies },
  );
  t.equal(missing.headers.location, errorPage, 'no challenge');

  // A challenge of pool 1 posted with another pool's client.
  const emailQuery = new URLSearchParams({
    response_type: 'code',
    client_id: 'emailclient000000000000000',
    redirect_uri: CALLBACK,
  }).toString();
  const foreign = await submit(app, { ...step, query: emailQuery }, NEW);
  t.equal(foreign.headers.location, '/error?error=invalid_request&client_id=emailclient000000000000000', 'challenge of another pool');

  // The authorize parameters are validated again.
  const badQuery = await submit(app, { ...step, query: step.query.replace('redirect_uri=', 'redirect_uri=x') }, NEW);
  t.equal(badQuery.headers.location, `/error?error=redirect_mismatch&client_id=${PUBLIC_CLIENT}`);

  const used = await submit(app, step, NEW);
  t.equal(used.statusCode, 302, 'first use succeeds');
  const again = await submit(app, step, 'An0ther-Passw0rd!');
  t.equal(again.headers.location, errorPage, 'a used challenge cannot set the password again');

  // Challenges last 5 minutes.
  const { app: app2, clock: clock2 } = await testEmulator(t);
  const late = await challengeStep(app2);
  clock2.offsetMs = 301 * 1000;
  const expired = await submit(app2, late, NEW);
  t.equal(expired.headers.location, errorPage, 'expired challenge');
  t.equal(clock.offsetMs, 0);
});

t.test('success → code at the callback, session, and the new password works', async (t) => {
  const { app, deps } = await testEmulator(t);
  const step = await challengeStep(app, 'st-1');
  const res = await submit(app, step, NEW);
  t.equal(res.statusCode, 302);
  const location = new URL(String(res.headers.location));
  t.equal(`${location.origin}${location.pathname}`, CALLBACK);
  t.same([...location.searchParams.keys()], ['code', 'state']);
  t.match(location.searchParams.get('code'), UUID);
  t.equal(location.searchParams.get('state'), 'st-1');
  t.match(responseCookie(res, 'cognito'), { httpOnly: true, sameSite: 'Lax', path: '/' });

  const bob = deps.store.getUser(POOL_ID, 'bob');
  t.equal(bob?.UserStatus, 'CONFIRMED');
  t.match(bob?.PasswordHash, /^scrypt\$/);
  t.notMatch(JSON.stringify(bob), NEW, 'the stored record has no plain password');

  const token = await postForm(app, '/oauth2/token', {
    grant_type: 'authorization_code',
    client_id: PUBLIC_CLIENT,
    code: location.searchParams.get('code') ?? '',
    redirect_uri: CALLBACK,
  });
  t.equal(token.statusCode, 200, 'the code redeems');

  const withNew = await signIn(app, { username: 'bob', password: NEW });
  t.match(withNew.code, UUID, 'bob signs in with the new password');
  const page = await openLoginPage(app);
  const withTemp = await submitLogin(app, page, 'bob', TEMP);
  t.equal(withTemp.statusCode, 200);
  t.equal(textOf(withTemp.body, 'loginErrorMessage'), 'Incorrect username or password.', 'the temporary password no longer works');
});

t.test('a user disabled while on the change-password form cannot finish it', async (t) => {
  const { app, deps } = await testEmulator(t);
  const step = await challengeStep(app);
  const bob = deps.store.getUser(POOL_ID, 'bob');
  if (!bob) throw new Error('no bob');
  await deps.store.putUser({ ...bob, Enabled: false });
  const res = await submit(app, step, NEW);
  t.equal(res.statusCode, 302);
  t.equal(res.headers.location, `/error?error=invalid_request&client_id=${PUBLIC_CLIENT}`, 'no code, no tokens');
  t.equal(responseCookie(res, 'cognito'), undefined, 'no session');
  t.equal(deps.store.getUser(POOL_ID, 'bob')?.UserStatus, 'FORCE_CHANGE_PASSWORD', 'password not changed');
});

t.test('the change-password page escapes the client name and the query', async (t) => {
  const { app } = await testEmulator(t);
  const page = await openLoginPage(app, { state: '"><script>alert(1)</script>', extra: { login_hint: "' onmouseover=alert(1)" } });
  const res = await submitLogin(app, page, 'bob', TEMP);
  t.match(res.body, '<strong data-testid="client-name">Public &lt;SPA&gt;</strong>');
  t.notMatch(withoutPageScript(res.body), /<script/i);
  t.notMatch(res.body, /['"] onmouseover=/);
  t.equal(inBoth(res.body, 'form', { name: 'cognitoNewPasswordForm' }).action, `/forceChangePassword?${page.query}`);
});
