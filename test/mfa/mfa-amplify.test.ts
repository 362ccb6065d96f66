// Amplify JS v6 in Node against the emulator, as an app configures it (userPoolEndpoint): every MFA
// sign-in step Amplify names, TOTP set up during sign-in and from a signed-in session, and the
// preference calls. Codes come the way a test gets them: SMS / email from /_emulator/messages,
// TOTP from /_emulator/totp.
import t from 'tap';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchMFAPreference, setUpTOTP, signIn, signOut, updateMFAPreference, verifyTOTPSetup } from 'aws-amplify/auth';
import { testEmulator } from '../helpers/harness.js';
import { MFA_CLIENT, MFA_POOL, PASSWORD, REQUIRED_CLIENT, REQUIRED_POOL, mfaFixture } from '../helpers/fixtures/index.js';

const server = await testEmulator(t, { listen: true, fixture: mfaFixture() });
t.beforeEach(() => {
  server.clock.offsetMs += 90_000;
});

function configure(userPoolId: string, userPoolClientId: string): void {
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: server.url } } });
}
async function totpNow(userPoolId: string, username: string): Promise<string> {
  const res = await fetch(`${server.url}/_emulator/totp?userPoolId=${userPoolId}&username=${username}`);
  return ((await res.json()) as { code: string }).code;
}
const lastCode = (username: string) =>
  server.deps.messages
    .find({ userPoolId: MFA_POOL })
    .filter((m) => m.username === username)
    .at(-1)?.code ?? '';
const passwordSignIn = (username: string) => signIn({ username, password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });

t.afterEach(async () => {
  await signOut().catch(() => undefined);
});

t.test('TOTP, SMS and email codes: the confirm steps and their delivery details', async (t) => {
  configure(MFA_POOL, MFA_CLIENT);
  const totp = await signIn({ username: 'totp', password: PASSWORD }); // Amplify's default: SRP
  t.equal(totp.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  const wrong = await confirmSignIn({ challengeResponse: '000000' }).catch((e: Error) => e);
  t.equal((wrong as Error).name, 'CodeMismatchException');
  const done = await confirmSignIn({ challengeResponse: await totpNow(MFA_POOL, 'totp') });
  t.equal(done.isSignedIn, true);
  await signOut();

  const sms = await passwordSignIn('sms');
  t.equal(sms.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_SMS_CODE');
  t.same((sms.nextStep as { codeDeliveryDetails?: object }).codeDeliveryDetails, { deliveryMedium: 'SMS', destination: '+*******0100' });
  t.equal((await confirmSignIn({ challengeResponse: lastCode('sms') })).isSignedIn, true);
  await signOut();

  const email = await passwordSignIn('email');
  t.equal(email.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  t.same((email.nextStep as { codeDeliveryDetails?: object }).codeDeliveryDetails, { deliveryMedium: 'EMAIL', destination: 'e***@e***' });
  t.equal((await confirmSignIn({ challengeResponse: lastCode('email') })).isSignedIn, true);
});

t.test('MFA selection: CONTINUE_SIGN_IN_WITH_MFA_SELECTION, then the TOTP code', async (t) => {
  configure(MFA_POOL, MFA_CLIENT);
  const step = await passwordSignIn('multi');
  t.equal(step.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION');
  t.same((step.nextStep as { allowedMFATypes?: string[] }).allowedMFATypes, ['SMS', 'TOTP']);
  const chosen = await confirmSignIn({ challengeResponse: 'TOTP' });
  t.equal(chosen.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  t.equal((await confirmSignIn({ challengeResponse: await totpNow(MFA_POOL, 'multi') })).isSignedIn, true);
});

t.test('MFA required: CONTINUE_SIGN_IN_WITH_TOTP_SETUP, the app computes the code from the setup URI', async (t) => {
  configure(REQUIRED_POOL, REQUIRED_CLIENT);
  const step = await passwordSignIn('newbie2');
  t.equal(step.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
  const details = (step.nextStep as { totpSetupDetails: { sharedSecret: string; getSetupUri(app: string): URL } }).totpSetupDetails;
  t.match(details.getSetupUri('MyApp').href, /^otpauth:\/\/totp\/MyApp:newbie2\?secret=[A-Z2-7]{32}&issuer=MyApp$/);
  const { totpCode } = await import('../../src/mfa/totp.js');
  const done = await confirmSignIn({ challengeResponse: totpCode(details.sharedSecret, server.clock.now()) });
  t.equal(done.isSignedIn, true);
  t.same(await fetchMFAPreference(), { enabled: ['TOTP'], preferred: 'TOTP' });
});

t.test('setUpTOTP / verifyTOTPSetup / updateMFAPreference from a signed-in session', async (t) => {
  configure(MFA_POOL, MFA_CLIENT);
  t.equal((await passwordSignIn('amp')).isSignedIn, true);
  t.same(await fetchMFAPreference(), {}, 'nothing set yet');
  const setup = await setUpTOTP();
  t.match(setup.sharedSecret, /^[A-Z2-7]{32}$/);
  await verifyTOTPSetup({ code: await totpNow(MFA_POOL, 'amp'), options: { friendlyDeviceName: 'laptop' } });
  await updateMFAPreference({ totp: 'PREFERRED', sms: 'ENABLED' });
  t.same(await fetchMFAPreference(), { enabled: ['SMS', 'TOTP'], preferred: 'TOTP' });
  await signOut();
  server.clock.offsetMs += 60_000;
  const again = await passwordSignIn('amp');
  t.equal(again.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', 'the preferred factor is asked for');
});
