// Amplify JS v6 in Node with authFlowType USER_AUTH: each preferred challenge, the first-factor
// selection step, and a passwordless sign-up finished by autoSignIn (the Session of SignUp and
// ConfirmSignUp).
import t from 'tap';
import { Amplify } from 'aws-amplify';
import { autoSignIn, confirmSignIn, confirmSignUp, signIn, signOut, signUp } from 'aws-amplify/auth';
import { testEmulator } from '../helpers/harness.js';
import { MFA_CLIENT, MFA_POOL, PASSWORD, mfaFixture } from '../helpers/fixtures/index.js';

const server = await testEmulator(t, { listen: true, fixture: mfaFixture() });
Amplify.configure({ Auth: { Cognito: { userPoolId: MFA_POOL, userPoolClientId: MFA_CLIENT, userPoolEndpoint: server.url } } });
const lastCode = (username: string) =>
  server.deps.messages
    .find({ userPoolId: MFA_POOL })
    .filter((m) => m.username === username || m.destination === username)
    .at(-1)?.code ?? '';
const userAuth = (username: string, preferredChallenge?: 'EMAIL_OTP' | 'SMS_OTP' | 'PASSWORD' | 'PASSWORD_SRP', password?: string) =>
  signIn({
    username,
    ...(password !== undefined ? { password } : {}),
    options: { authFlowType: 'USER_AUTH', ...(preferredChallenge ? { preferredChallenge } : {}) },
  });
t.afterEach(async () => {
  await signOut().catch(() => undefined);
});

t.test('each preferred challenge', async (t) => {
  const email = await userAuth('ua1', 'EMAIL_OTP');
  t.equal(email.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  t.equal((await confirmSignIn({ challengeResponse: lastCode('ua1') })).isSignedIn, true);
  await signOut();
  const sms = await userAuth('ua1', 'SMS_OTP');
  t.equal(sms.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_SMS_CODE');
  t.equal((await confirmSignIn({ challengeResponse: lastCode('ua1') })).isSignedIn, true);
  await signOut();
  t.equal((await userAuth('ua1', 'PASSWORD', PASSWORD)).isSignedIn, true);
  await signOut();
  t.equal((await userAuth('ua1', 'PASSWORD_SRP', PASSWORD)).isSignedIn, true);
});

t.test('no preference: first-factor selection, then an email code', async (t) => {
  const step = await userAuth('ua2');
  t.equal(step.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION');
  t.same((step.nextStep as { availableChallenges?: string[] }).availableChallenges, ['EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP']);
  const code = await confirmSignIn({ challengeResponse: 'EMAIL_OTP' });
  t.equal(code.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  t.equal((await confirmSignIn({ challengeResponse: lastCode('ua2') })).isSignedIn, true);
});

t.test('passwordless sign-up, confirmSignUp, autoSignIn', async (t) => {
  // Amplify waits up to 3 minutes for the confirmation with a timer that would keep this process
  // alive after the test; its timers are unref'd here (an app's process would not mind).
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => realSetTimeout(...args).unref()) as typeof setTimeout;
  t.teardown(() => {
    globalThis.setTimeout = realSetTimeout;
  });
  const up = await signUp({
    username: 'ampnopass',
    options: { userAttributes: { email: 'ampnopass@example.com' }, autoSignIn: { authFlowType: 'USER_AUTH' } },
  });
  t.equal(up.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
  const confirmed = await confirmSignUp({ username: 'ampnopass', confirmationCode: lastCode('ampnopass') });
  t.equal(confirmed.nextStep.signUpStep, 'COMPLETE_AUTO_SIGN_IN');
  const signedIn = await autoSignIn();
  t.equal(signedIn.isSignedIn, true);
});
