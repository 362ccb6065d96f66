// The hosted MFA choice and set-up pages over HTTP: what a forged, replayed or hostile form gets
// (the /error page, a 403 with a fresh form, an error line), that nothing posted is reflected
// unescaped, and that the set-up page carries the QR code as an image the CSP allows.
import t from 'tap';
import type { FastifyInstance } from 'fastify';
import { testEmulator } from '../helpers/harness.js';
import { csrfField, openLoginPage, postForm, submitLogin } from '../helpers/flow.js';
import { responseCookies, inBoth, textOf, withoutPageScript } from '../helpers/html.js';

import { totpCode } from '../../src/mfa/totp.js';
import { otpauthUri } from '../../src/hosted-ui/mfa-setup.js';
import { MFA_CLIENT, PASSWORD, REQUIRED_CLIENT, REQUIRED_POOL, mfaFixture, mfaFixtureWithEmailSetup } from '../helpers/fixtures/index.js';

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

interface Step {
  query: string;
  challenge: string;
  csrf: string;
  cookies: Record<string, string>;
  res: Injected;
}

const step = (query: string, res: Injected): Step => ({
  query,
  res,
  challenge: inBoth(res.body, 'input', { name: 'challenge' }).value ?? '',
  csrf: csrfField(res.body) ?? '',
  cookies: { 'XSRF-TOKEN': responseCookies(res)['XSRF-TOKEN'] ?? '' },
});

async function signIn(app: FastifyInstance, clientId: string, username: string): Promise<Step> {
  const page = await openLoginPage(app, { clientId, state: 'st', scope: 'openid' });
  return step(page.query, await submitLogin(app, page, username, PASSWORD));
}

const post = (app: FastifyInstance, path: string, s: Step, fields: Record<string, string>) =>
  postForm(app, `${path}?${s.query}`, { _csrf: s.csrf, challenge: s.challenge, ...fields }, { cookies: s.cookies });

t.test('the choice page: forged and foreign steps, CSRF, a factor not offered', async (t) => {
  const { app, clock } = await testEmulator(t, { fixture: mfaFixture() });
  const s = await signIn(app, MFA_CLIENT, 'multi');
  t.equal(s.res.statusCode, 200);
  t.same(inBoth(s.res.body, 'button', { value: 'SMS_MFA' }).name, 'mfa_type');
  t.equal(
    s.res.cookies.find((c: { name: string }) => c.name === 'cognito'),
    undefined,
    'no session yet',
  );

  const forged = await post(app, '/mfaOption', { ...s, challenge: 'A'.repeat(128) }, { mfa_type: 'SMS_MFA' });
  t.equal(forged.statusCode, 302);
  t.match(String(forged.headers.location), /\/error\?error=invalid_request/);

  const csrf = await post(app, '/mfaOption', { ...s, csrf: 'wrong' }, { mfa_type: 'SMS_MFA' });
  t.equal(csrf.statusCode, 403);
  t.match(textOf(csrf.body, 'mfaOptionErrorMessage'), 'Your form expired');

  const hostile = await post(app, '/mfaOption', s, { mfa_type: '<script>alert(1)</script>' });
  t.equal(hostile.statusCode, 200);
  t.notMatch(hostile.body, '<script>alert', 'nothing posted is reflected');
  t.match(textOf(hostile.body, 'mfaOptionErrorMessage'), 'Choose one of the methods below.');
  t.equal(inBoth(hostile.body, 'input', { name: 'challenge' }).value, s.challenge, 'the same step stays open');

  const chosen = await post(app, '/mfaOption', step(s.query, hostile), { mfa_type: 'SOFTWARE_TOKEN_MFA' });
  t.ok(inBoth(chosen.body, 'input', { id: 'totpCodeInput' }), 'the authenticator code page follows');
  const replay = await post(app, '/mfaOption', s, { mfa_type: 'SMS_MFA' });
  t.match(String(replay.headers.location), /\/error\?error=invalid_request/, 'an answered choice cannot be answered again');

  // A choice step of another app client is not this client's.
  clock.offsetMs += 90_000;
  const other = await signIn(app, MFA_CLIENT, 'multi');
  const page = await openLoginPage(app, { clientId: REQUIRED_CLIENT, state: 'st', scope: 'openid' });
  const foreign = await post(app, '/mfaOption', { ...other, query: page.query, cookies: other.cookies }, { mfa_type: 'SMS_MFA' });
  t.match(String(foreign.headers.location), /error=invalid_request/);
});

t.test('the set-up page: QR code image, hostile device name stored not reflected, replay refused', async (t) => {
  const { app, deps, clock } = await testEmulator(t, { fixture: mfaFixture() });
  const s = await signIn(app, REQUIRED_CLIENT, 'newbie4');
  t.equal(s.res.statusCode, 200, 'TOTP is the only factor to set up: its page at once');
  const img = inBoth(s.res.body, 'img', { id: 'totpQrCode' });
  t.match(img.src, /^data:image\/svg\+xml;base64,/);
  t.match(Buffer.from((img.src ?? '').split(',')[1] ?? '', 'base64').toString(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  t.match(String(s.res.headers['content-security-policy']), "img-src 'self' data:");
  t.notMatch(withoutPageScript(s.res.body), /<script|<svg/, "no script but the page's own (hashed); the QR code is an image, not markup");
  const secret = textOf(s.res.body, 'totpSecretKey') ?? '';
  t.match(secret, /^[A-Z2-7]{32}$/);

  const forged = await post(app, '/mfaSetup', { ...s, csrf: 'forged' }, { authentication_code: totpCode(secret, clock.now()) });
  t.equal(forged.statusCode, 403, 'a right code with a forged CSRF token is refused');
  t.equal(deps.store.getUser(REQUIRED_POOL, 'newbie4')?.SoftwareToken, undefined, 'and nothing is enrolled');

  const wrong = await post(app, '/mfaSetup', step(s.query, forged), { authentication_code: '<b>12</b>', device_name: 'x' });
  t.notMatch(wrong.body, '<b>12', 'the code is not reflected');
  t.match(textOf(wrong.body, 'mfaSetupErrorMessage'), 'Code mismatch and fail enable Software Token MFA');

  const next = step(s.query, wrong);
  const done = await post(app, '/mfaSetup', next, {
    authentication_code: totpCode(secret, clock.now()),
    device_name: '"><script>x</script>',
  });
  t.equal(done.statusCode, 302);
  t.match(String(done.headers.location), /^http:\/\/localhost:3000\/callback\?code=/);
  t.ok(
    done.cookies.find((c: { name: string }) => c.name === 'cognito'),
    'the session starts once the app answered',
  );
  t.equal(deps.store.getUser(REQUIRED_POOL, 'newbie4')?.SoftwareToken?.FriendlyDeviceName, '"><script>x</script>');
  const again = await post(app, '/mfaSetup', next, { authentication_code: totpCode(secret, clock.now() + 30_000) });
  t.match(String(again.headers.location), /\/error\?error=invalid_request/, 'a finished set-up cannot be posted again');
});

t.test('the set-up forms: an email posted where the pool offers no email MFA; back from the app page to email', async (t) => {
  const { app } = await testEmulator(t, { fixture: mfaFixture() });
  const totpOnly = await signIn(app, REQUIRED_CLIENT, 'newbie3');
  const refused = await post(app, '/mfaSetup', totpOnly, { email: 'x@example.com' });
  t.match(String(refused.headers.location), /\/error\?error=invalid_request/, 'no email set-up where the pool has no email MFA');

  // A pool offering both: the user picks the app, goes back, and sets up email instead.
  const both = await testEmulator(t, { fixture: mfaFixtureWithEmailSetup() });
  const s = await signIn(both.app, REQUIRED_CLIENT, 'newbie3');
  const app1 = await post(both.app, '/mfaOption', s, { mfa_type: 'SOFTWARE_TOKEN_MFA' });
  t.ok(textOf(app1.body, 'totpSecretKey'), 'the app set-up page');
  const appStep = step(s.query, app1);
  const email = await post(both.app, '/mfaOption', appStep, { mfa_type: 'EMAIL_OTP' });
  t.equal(inBoth(email.body, 'input', { id: 'emailSetupInput' }).name, 'email');
  const sent = await post(both.app, '/mfaSetup', step(s.query, email), { email: 'not an address' });
  t.match(textOf(sent.body, 'mfaSetupErrorMessage'), 'Invalid email address format.');
  const code = await post(both.app, '/mfaSetup', step(s.query, sent), { email: 'new3@example.com' });
  t.ok(inBoth(code.body, 'input', { id: 'smsCodeInput' }), 'the code page for the new address');
  t.equal(
    both.deps.store.getUser(REQUIRED_POOL, 'newbie3')?.SoftwareToken,
    undefined,
    'the app secret handed out first was never enrolled',
  );
});

t.test('otpauth URI: issuer and account escaped, as authenticator apps read it', async (t) => {
  t.equal(otpauthUri('my pool', 'a:b@c', 'JBSWY3DP'), 'otpauth://totp/my%20pool:a%3Ab%40c?secret=JBSWY3DP&issuer=my%20pool');
});
