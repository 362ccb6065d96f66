// /forgotPassword and /confirmForgotPassword: the classic hosted UI's reset pages (markup,
// messages, redirects) with the JSON API's rules; the new password then signs in on /login.
import t from 'tap';
import { testEmulator, PUBLIC_URL } from '../helpers/harness.js';
import { CALLBACK, POOL_ID, PUBLIC_CLIENT, verifyingFixture } from '../helpers/fixtures/index.js';
import { openLoginPage, submitLogin } from '../helpers/flow.js';
import { inBoth, textOf } from '../helpers/html.js';
import { htmlProblem } from '../helpers/response-checks.js';
import { openPage, postPage, query } from '../helpers/self-service-pages.js';

const HIDING_CLIENT = 'hidingclient00000000000000';
const NEW_PASSWORD = 'N3w-Passw0rd!';

function fixture() {
  const f = verifyingFixture();
  (f.UserPools[0] as unknown as { Clients: object[] }).Clients.push({
    ClientId: HIDING_CLIENT,
    ClientName: 'hides users',
    PreventUserExistenceErrors: 'ENABLED',
    CallbackURLs: [CALLBACK],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
  });
  return f;
}

t.test("GET /forgotPassword: Cognito's reset request page; the sign-in page links to it", async (t) => {
  const { app } = await testEmulator(t, { fixture: fixture() });
  const q = query();
  const login = await openPage(app, `/login?${q}`);
  t.match(
    login.res.body,
    `<a class="redirect-customizable" href="/forgotPassword?${q.replaceAll('&', '&amp;')}">Forgot your password?</a>`,
  );
  const { res } = await openPage(app, `/forgotPassword?${q}`);
  t.equal(htmlProblem(res.body), undefined);
  t.match(
    res.body,
    new RegExp(
      '<div class="modal-body">\n<div><div>\n<h1>Forgot your password\\?</h1>\n' +
        '<span>Enter your Username below and we will send a message to reset your password</span>',
    ),
    'h1 and span at modal-body/div/div, where scripts look for them',
  );
  t.match(inBoth(res.body, 'form', { name: 'forgotpasswordform' }), { action: `/forgotPassword?${q}`, method: 'post' });
  t.match(inBoth(res.body, 'input', { id: 'username' }), { name: 'username', type: 'text', placeholder: 'Username' });
  t.match(inBoth(res.body, 'button', { name: 'reset_my_password' }), {
    type: 'submit',
    class: 'btn btn-primary submitButton-customizable',
  });
  t.match(res.body, '>Reset my password</button>');
});

t.test('reset code by email, new password, back to /login, and the new password signs in', async (t) => {
  const { app, deps } = await testEmulator(t, { fixture: fixture() });
  const q = query();
  const forgot = await openPage(app, `/forgotPassword?${q}`);
  const sent = await postPage(app, forgot, `/forgotPassword?${q}`, { username: 'alice' });
  t.equal(sent.statusCode, 302);
  t.equal(sent.headers.location, `${PUBLIC_URL}/confirmForgotPassword?${q}&username=alice`);
  const message = deps.messages.find({ userPoolId: POOL_ID, username: 'alice' }).at(-1);
  t.match(message, { trigger: 'ForgotPassword', deliveryMedium: 'EMAIL', destination: 'alice@example.com', code: /^\d{6}$/ });

  const url = `/confirmForgotPassword?${q}&username=alice`;
  const confirm = await openPage(app, url);
  const body = confirm.res.body;
  t.equal(htmlProblem(body), undefined);
  t.match(inBoth(body, 'form', { name: 'confirmforgotpasswordform' }), { action: url, method: 'post' });
  t.match(inBoth(body, 'input', { id: 'username' }), { type: 'hidden', value: 'alice' });
  t.match(inBoth(body, 'input', { id: 'destination' }).value, /^a\*\*\*@e\*\*\*/);
  t.equal(inBoth(body, 'input', { id: 'deliveryMedium' }).value, 'EMAIL');
  t.match(
    textOf(body, 'text-code'),
    /^We have sent a password reset code by email to a\*\*\*@e\*\*\*.*\. Enter it below to reset your password\.$/,
  );
  t.match(inBoth(body, 'input', { id: 'forgot_password_code' }), { name: 'code', type: 'password' });
  t.match(inBoth(body, 'input', { id: 'new_password' }), { name: 'password', type: 'password' });
  t.match(inBoth(body, 'input', { id: 'confirm_password' }), { name: 'confirmPassword', type: 'password' });
  t.match(body, '>Change Password</button>');

  const cases: Array<[string, Record<string, string>, string | RegExp]> = [
    ['passwords differ', { code: message?.code ?? '', password: NEW_PASSWORD, confirmPassword: 'other' }, 'Passwords do not match.'],
    [
      'wrong code',
      { code: message?.code === '000000' ? '111111' : '000000', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      'Invalid verification code provided, please try again.',
    ],
    ['weak password', { code: message?.code ?? '', password: 'weak', confirmPassword: 'weak' }, /^Password did not conform with/],
  ];
  for (const [name, fields, text] of cases) {
    const res = await postPage(app, confirm, url, { username: 'alice', ...fields });
    t.equal(res.statusCode, 200, `${name}: the page again`);
    t.match(textOf(res.body, 'errorMessage'), text, `${name}: message`);
  }
  const done = await postPage(app, confirm, url, {
    username: 'alice',
    code: message?.code ?? '',
    password: NEW_PASSWORD,
    confirmPassword: NEW_PASSWORD,
  });
  t.equal(done.headers.location, `${PUBLIC_URL}/login?${q}`, 'back to /login with the same query');

  const old = await submitLogin(app, await openLoginPage(app), 'alice', 'Passw0rd!');
  t.equal(textOf(old.body, 'loginErrorMessage'), 'Incorrect username or password.', 'the old password no longer works');
  const fresh = await submitLogin(app, await openLoginPage(app), 'alice', NEW_PASSWORD);
  t.equal(fresh.statusCode, 302, 'the new one does');
});

t.test('who may reset: unknown users by client setting, disabled and force-change users refused', async (t) => {
  const { app, deps } = await testEmulator(t, { fixture: fixture() });
  const ask = async (username: string, clientId = PUBLIC_CLIENT) => {
    const q = query({ clientId });
    const page = await openPage(app, `/forgotPassword?${q}`);
    return { q, res: await postPage(app, page, `/forgotPassword?${q}`, { username }) };
  };
  const legacy = await ask('nobody');
  t.equal(textOf(legacy.res.body, 'errorMessage'), 'Could not reset password for the account, please contact support or try again');
  t.equal(inBoth(legacy.res.body, 'input', { id: 'username' }).value, 'nobody', 'the name is kept');
  const hidden = await ask('nobody', HIDING_CLIENT);
  t.equal(
    hidden.res.headers.location,
    `${PUBLIC_URL}/confirmForgotPassword?${hidden.q}&username=nobody`,
    'ENABLED: on to the code page as if a code went out',
  );
  t.same(deps.messages.find({ username: 'nobody' }), [], 'but nothing was sent');
  t.equal(textOf((await ask('carol')).res.body, 'errorMessage'), 'User is disabled.');
  t.equal(textOf((await ask('bob')).res.body, 'errorMessage'), 'User password cannot be reset in the current state.');
});

t.test('a RESET_REQUIRED user is sent to reset on the page, resets, then signs in', async (t) => {
  const f = fixture();
  (f.UserPools[0] as unknown as { Users: object[] }).Users.push({
    Username: 'rita',
    Password: 'Passw0rd!',
    UserStatus: 'RESET_REQUIRED',
    Attributes: { email: 'rita@example.com', email_verified: 'true' },
  });
  const { app, deps } = await testEmulator(t, { fixture: f });
  const q = query();
  const refused = await submitLogin(app, await openLoginPage(app), 'rita', 'Passw0rd!');
  t.equal(textOf(refused.body, 'loginErrorMessage'), 'Password reset required for the user.');
  const forgot = await openPage(app, `/forgotPassword?${q}`);
  await postPage(app, forgot, `/forgotPassword?${q}`, { username: 'rita' });
  const code = deps.messages.find({ username: 'rita' }).at(-1)?.code ?? '';
  const url = `/confirmForgotPassword?${q}&username=rita`;
  const confirm = await openPage(app, url);
  await postPage(app, confirm, url, { username: 'rita', code, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  t.equal(deps.store.getUser(POOL_ID, 'rita')?.UserStatus, 'CONFIRMED');
  t.equal((await submitLogin(app, await openLoginPage(app), 'rita', NEW_PASSWORD)).statusCode, 302);
});
