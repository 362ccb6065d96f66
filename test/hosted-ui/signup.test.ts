// /signup, /confirm and /resendcode: the classic hosted UI's sign-up pages (markup, messages,
// redirects) with the JSON API's rules, ending signed in at the app with a code.
import t from 'tap';
import { testEmulator, PUBLIC_URL } from '../helpers/harness.js';
import { CALLBACK, EMAIL_POOL_ID, POOL_ID, TEST_FIXTURE, verifyingFixture } from '../helpers/fixtures/index.js';
import { redeemCode, UUID } from '../helpers/flow.js';
import { responseCookie, inBoth, tags, textOf } from '../helpers/html.js';

import { htmlProblem } from '../helpers/response-checks.js';
import { openPage, postPage, query } from '../helpers/self-service-pages.js';

const EMAIL_CLIENT = 'emailclient000000000000000';

t.test("GET /signup: Cognito's sign-up form in both copies", async (t) => {
  const { app } = await testEmulator(t, { fixture: verifyingFixture() });
  const q = query();
  const { res } = await openPage(app, `/signup?${q}`);
  t.equal(htmlProblem(res.body), undefined, "only the pages' own markup");
  const form = inBoth(res.body, 'form', { name: 'signupform' });
  t.match(form, { action: `/signup?${q}`, method: 'post', class: 'cognito-asf' });
  const username = inBoth(res.body, 'input', { name: 'username' });
  t.equal(username.id, undefined, "the username input has no id, as on Cognito's page");
  t.match(username, { type: 'text', placeholder: 'Username', 'aria-label': 'Username' });
  t.match(inBoth(res.body, 'input', { name: 'requiredAttributes[email]' }), { type: 'email', placeholder: 'name@host.com' });
  inBoth(res.body, 'input', { name: 'password', type: 'password' });
  t.match(inBoth(res.body, 'button', { name: 'signUpButton' }), {
    type: 'submit',
    class: 'btn btn-primary signUpButton submitButton-customizable',
  });
  for (const kind of ['lowerletter', 'upperletter', 'numbers', 'symbols', 'length'])
    inBoth(res.body, 'div', { class: `checkPassword-${kind}` });
  t.match(res.body, '<span class="textDescription-customizable ">Sign up with a new account</span>');
  t.match(
    res.body,
    `<p class="redirect-customizable"><span>Already have an account?</span>&nbsp;<a href="/login?${q.replaceAll('&', '&amp;')}">Sign ` +
      `in</a></p>`,
  );
  t.equal(await app.inject({ url: '/signup?client_id=nosuch' }).then((r) => r.statusCode), 302, 'validated like /login');
});

t.test('sign up, confirm with the emailed code, arrive at the app signed in', async (t) => {
  const { app, deps } = await testEmulator(t, { fixture: verifyingFixture() });
  const q = query();
  const signup = await openPage(app, `/signup?${q}`);
  const posted = await postPage(app, signup, `/signup?${q}`, {
    username: 'newbie',
    'requiredAttributes[email]': 'newbie@example.com',
    password: 'Passw0rd!',
  });
  t.equal(posted.statusCode, 302);
  t.equal(posted.headers.location, `${PUBLIC_URL}/confirm?${q}&username=newbie`, 'on to /confirm, absolute');
  t.equal(deps.store.getUser(POOL_ID, 'newbie')?.UserStatus, 'UNCONFIRMED');
  const [sent] = deps.messages.find({ userPoolId: POOL_ID, username: 'newbie' });
  t.match(sent, { trigger: 'SignUp', deliveryMedium: 'EMAIL', destination: 'newbie@example.com', code: /^\d{6}$/ });

  const confirmUrl = `/confirm?${q}&username=newbie`;
  const confirm = await openPage(app, confirmUrl);
  t.match(
    textOf(confirm.res.body, 'text-code'),
    /^We have sent a code by email to n\*\*\*@e\*\*\*.*\. Enter it below to confirm your account\.$/,
  );
  t.match(inBoth(confirm.res.body, 'input', { id: 'verification_code' }), { name: 'code' });
  const hidden = tags(confirm.res.body, 'input').filter((i) => i.type === 'hidden' && i.name === 'username');
  t.same(
    hidden.map((i) => i.value),
    ['newbie', 'newbie', 'newbie', 'newbie'],
    'the username rides along in the confirm and resend forms of both copies',
  );
  t.equal(inBoth(confirm.res.body, 'form', { name: 'resendcodeform' }).action, `/resendcode?${q}&username=newbie`);

  const wrong = await postPage(app, confirm, confirmUrl, { username: 'newbie', code: '000000' === sent?.code ? '111111' : '000000' });
  t.equal(wrong.statusCode, 200);
  t.equal(textOf(wrong.body, 'errorMessage'), 'Invalid verification code provided, please try again.');

  const resent = await postPage(app, confirm, `/resendcode?${q}&username=newbie`, { username: 'newbie' });
  t.equal(resent.headers.location, `${PUBLIC_URL}/confirm?${q}&username=newbie`, 'a new code, back to /confirm');
  const latest = deps.messages.find({ userPoolId: POOL_ID, username: 'newbie' }).at(-1);
  t.equal(latest?.trigger, 'ResendConfirmationCode');
  const stale = await postPage(app, confirm, confirmUrl, {
    username: 'newbie',
    code: sent?.code === latest?.code ? '999999' : (sent?.code ?? ''),
  });
  t.equal(textOf(stale.body, 'errorMessage'), 'Invalid verification code provided, please try again.', 'the first code was replaced');

  const done = await postPage(app, confirm, confirmUrl, { username: 'newbie', code: latest?.code ?? '' });
  t.equal(done.statusCode, 302, 'confirmed and signed in');
  const location = new URL(String(done.headers.location));
  t.equal(`${location.origin}${location.pathname}`, CALLBACK);
  t.equal(location.searchParams.get('state'), 'st-1');
  t.ok(responseCookie(done, 'cognito')?.value, 'the hosted-UI session started');
  const user = deps.store.getUser(POOL_ID, 'newbie');
  t.match(user, { UserStatus: 'CONFIRMED', Attributes: { email_verified: 'true' } });
  const tokens = await redeemCode(app, { code: location.searchParams.get('code') ?? '' });
  t.equal(tokens.statusCode, 200);
});

t.test("sign-up refusals show the JSON API's messages on the page, values kept, nothing echoed unescaped", async (t) => {
  const { app, deps } = await testEmulator(t, { fixture: verifyingFixture() });
  const q = query();
  const cases: Array<[string, Record<string, string>, string | RegExp]> = [
    ['taken username', { username: 'alice', 'requiredAttributes[email]': 'x@example.com', password: 'Passw0rd!' }, 'User already exists'],
    [
      'weak password',
      { username: 'weak', 'requiredAttributes[email]': 'w@example.com', password: 'short' },
      /^Password did not conform with/,
    ],
    [
      'bad email',
      { username: 'bademail', 'requiredAttributes[email]': 'not-an-email', password: 'Passw0rd!' },
      'Invalid email address format.',
    ],
    [
      'hostile username',
      { username: '"><script>alert(1) </script>', 'requiredAttributes[email]': 'h@example.com', password: 'Passw0rd!' },
      /validation error/,
    ],
  ];
  for (const [name, fields, message] of cases) {
    const page = await openPage(app, `/signup?${q}`);
    const res = await postPage(app, page, `/signup?${q}`, fields);
    t.equal(res.statusCode, 200, `${name}: the page again`);
    t.match(textOf(res.body, 'errorMessage'), message, `${name}: message`);
    t.equal(inBoth(res.body, 'input', { name: 'username' }).value, fields.username, `${name}: username kept`);
    t.equal(inBoth(res.body, 'input', { name: 'password' }).value, '', `${name}: password not echoed`);
    t.equal(htmlProblem(res.body), undefined, `${name}: markup intact`);
  }
  t.equal(deps.store.getUser(POOL_ID, 'weak'), undefined, 'nothing was created');
});

t.test('a pool that verifies nothing: sign-up goes back to /login (an administrator confirms)', async (t) => {
  const { app, deps } = await testEmulator(t);
  const q = query();
  const page = await openPage(app, `/signup?${q}`);
  t.equal(tags(page.res.body, 'input').filter((i) => i.name?.startsWith('requiredAttributes')).length, 0, 'no contact field to verify');
  const res = await postPage(app, page, `/signup?${q}`, { username: 'quiet', password: 'Passw0rd!' });
  t.equal(res.headers.location, `${PUBLIC_URL}/login?${q}`);
  t.equal(deps.store.getUser(POOL_ID, 'quiet')?.UserStatus, 'UNCONFIRMED');
  t.same(deps.messages.find({ username: 'quiet' }), [], 'no code was sent');
});

t.test('email-as-username pool: the texts say Email, the email is the username, confirm by email', async (t) => {
  const { app, deps } = await testEmulator(t, { fixture: verifyingFixture() });
  const q = query({ clientId: EMAIL_CLIENT });
  const login = await openPage(app, `/login?${q}`);
  t.match(login.res.body, '<span class="textDescription-customizable ">Sign in with your email and password</span>');
  t.match(inBoth(login.res.body, 'input', { id: 'signInFormUsername' }), { placeholder: 'name@host.com', 'aria-label': 'Email' });
  t.match(login.res.body, '<label for="signInFormUsername" class="label-customizable">Email</label>');

  const signup = await openPage(app, `/signup?${q}`);
  t.match(inBoth(signup.res.body, 'input', { name: 'username' }), { 'aria-label': 'Email', placeholder: 'name@host.com' });
  t.equal(
    tags(signup.res.body, 'input').filter((i) => i.name === 'requiredAttributes[email]').length,
    0,
    'the email is the username: no second email field',
  );
  const posted = await postPage(app, signup, `/signup?${q}`, { username: 'new@example.com', password: 'Passw0rd!' });
  t.equal(posted.headers.location, `${PUBLIC_URL}/confirm?${q}&username=new%40example.com`);
  const user = deps.store.findUserByAttribute(EMAIL_POOL_ID, 'email', 'new@example.com');
  t.match(user?.Username, UUID, 'the real username is the sub');
  const code = deps.messages.find({ userPoolId: EMAIL_POOL_ID }).at(-1)?.code ?? '';
  const confirm = await openPage(app, `/confirm?${q}&username=new%40example.com`);
  const done = await postPage(app, confirm, `/confirm?${q}&username=new%40example.com`, { username: 'new@example.com', code });
  t.match(String(done.headers.location), new RegExp(`^${CALLBACK}\\?code=`));
});

t.test('the desktop container class is a per-pool setting; exactly two copies, mobile first', async (t) => {
  const desktop = 'modal-content background-customizable modal-content-desktop visible-md visible-lg';
  const mobile = 'modal-content background-customizable modal-content-mobile visible-xs visible-sm';
  const legacy = 'modal-content background-customizable modal-content-mobile visible-md visible-lg';
  const { app } = await testEmulator(t);
  const fixture = structuredClone(TEST_FIXTURE);
  (fixture.UserPools[0] as Record<string, unknown>).HostedUIDesktopClass = 'modal-content-mobile';
  const { app: app2020 } = await testEmulator(t, { fixture });
  for (const path of ['/login', '/signup', '/forgotPassword', '/confirm', '/confirmForgotPassword']) {
    const url = `${path}?${query()}&username=alice`;
    const current = (await app.inject({ url })).body;
    t.same(
      tags(current, 'div')
        .filter((d) => d.class?.startsWith('modal-content '))
        .map((d) => d.class),
      [mobile, desktop],
      `${path}: default markup`,
    );
    const older = (await app2020.inject({ url })).body;
    t.same(
      tags(older, 'div')
        .filter((d) => d.class?.startsWith('modal-content '))
        .map((d) => d.class),
      [mobile, legacy],
      `${path}: the 2020 markup`,
    );
  }
});

t.test('pool settings reach the pages: required attributes asked for, admin-only pools refuse sign-up', async (t) => {
  const { app, deps } = await testEmulator(t, {
    fixture: verifyingFixture({
      Schema: [
        { Name: 'given_name', Required: true },
        { Name: 'tier', AttributeDataType: 'String' },
      ],
    }),
  });
  const q = query();
  const page = await openPage(app, `/signup?${q}`);
  t.match(inBoth(page.res.body, 'input', { name: 'requiredAttributes[given_name]' }), { type: 'text', 'aria-label': 'Given name' });
  const missing = await postPage(app, page, `/signup?${q}`, {
    username: 'nameless',
    'requiredAttributes[email]': 'n@example.com',
    password: 'Passw0rd!',
  });
  t.equal(textOf(missing.body, 'errorMessage'), 'Attributes did not conform to the schema: given_name: The attribute is required');
  const named = await postPage(app, page, `/signup?${q}`, {
    username: 'named',
    'requiredAttributes[given_name]': 'Nina',
    'requiredAttributes[email]': 'nina@example.com',
    password: 'Passw0rd!',
  });
  t.equal(named.statusCode, 302);
  t.equal(deps.store.getUser(POOL_ID, 'named')?.Attributes.given_name, 'Nina');

  const { app: adminOnly } = await testEmulator(t, {
    fixture: verifyingFixture({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } }),
  });
  const login = await openPage(adminOnly, `/login?${q}`);
  t.notMatch(login.res.body, 'Need an account?', 'no Sign up link');
  const signup = await openPage(adminOnly, `/signup?${q}`);
  const refused = await postPage(adminOnly, signup, `/signup?${q}`, {
    username: 'x',
    'requiredAttributes[email]': 'x@example.com',
    password: 'Passw0rd!',
  });
  t.equal(textOf(refused.body, 'errorMessage'), 'SignUp is not permitted for this user pool');
});
