// Choice-based sign-in (AuthFlow USER_AUTH) through the AWS SDK v3: SELECT_CHALLENGE with
// AvailableChallenges, each PREFERRED_CHALLENGE, one-time codes by email and SMS as the first
// factor, passwordless sign-up and the Session-based sign-in after ConfirmSignUp.
import {
  AdminGetUserCommand,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { srpClient } from '../helpers/auth.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { MFA_CLIENT, MFA_POOL, PASSWORD, PASSWORD_ONLY_CLIENT, REQUIRED_CLIENT, mfaFixture } from '../helpers/fixtures/index.js';

const server = await testEmulator(t, { listen: true, fixture: mfaFixture() });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());

const userAuth = (AuthParameters: Record<string, string>, ClientId = MFA_CLIENT, Session?: string) =>
  sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId, AuthParameters, ...(Session !== undefined ? { Session } : {}) }));
const respond = (ChallengeName: string, Session: string | undefined, ChallengeResponses: Record<string, string>) =>
  sdk.send(new RespondToAuthChallengeCommand({ ClientId: MFA_CLIENT, ChallengeName: ChallengeName as never, Session, ChallengeResponses }));
const lastCode = (username: string) =>
  server.deps.messages
    .find({ userPoolId: MFA_POOL })
    .filter((m) => m.username === username || m.destination === username)
    .at(-1)?.code ?? '';

t.test('SELECT_CHALLENGE lists what the user may use; MFA users get no passwordless factor', async (t) => {
  const plain = await userAuth({ USERNAME: 'ua1' });
  t.equal(plain.ChallengeName, 'SELECT_CHALLENGE');
  t.same(plain.AvailableChallenges, ['EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP']);
  t.ok(plain.Session);
  const mfaUser = await userAuth({ USERNAME: 'totp' });
  t.same(mfaUser.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP']);
  await rejectsWith(
    t,
    respond('SELECT_CHALLENGE', mfaUser.Session, { USERNAME: 'totp', ANSWER: 'EMAIL_OTP' }),
    'InvalidParameterException',
    'The challenge EMAIL_OTP is not available for this user.',
  );
  await rejectsWith(
    t,
    userAuth({ USERNAME: 'ua1' }, PASSWORD_ONLY_CLIENT),
    'InvalidParameterException',
    'Auth flow not enabled for this client',
  );
  await rejectsWith(t, userAuth({ USERNAME: 'nobody' }), 'UserNotFoundException', 'User does not exist.');
});

t.test('EMAIL_OTP chosen: the code is sent, a right code signs in', async (t) => {
  const select = await userAuth({ USERNAME: 'ua1' });
  const challenge = await respond('SELECT_CHALLENGE', select.Session, { USERNAME: 'ua1', ANSWER: 'EMAIL_OTP' });
  t.equal(challenge.ChallengeName, 'EMAIL_OTP');
  t.same(challenge.ChallengeParameters, {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
    CODE_DELIVERY_DESTINATION: 'u***@e***',
    USER_ID_FOR_SRP: 'ua1',
  });
  await rejectsWith(
    t,
    respond('EMAIL_OTP', challenge.Session, { USERNAME: 'ua1', EMAIL_OTP_CODE: '000000' }),
    'CodeMismatchException',
    'Invalid code or auth state for the user.',
  );
  const done = await respond('EMAIL_OTP', challenge.Session, { USERNAME: 'ua1', EMAIL_OTP_CODE: lastCode('ua1') });
  t.ok(done.AuthenticationResult?.IdToken);
});

t.test('PREFERRED_CHALLENGE: SMS_OTP, PASSWORD, PASSWORD_SRP, and MFA after a password', async (t) => {
  const sms = await userAuth({ USERNAME: 'ua2', PREFERRED_CHALLENGE: 'SMS_OTP' });
  t.equal(sms.ChallengeName, 'SMS_OTP');
  t.equal(sms.ChallengeParameters?.CODE_DELIVERY_DESTINATION, '+*******0100');
  t.ok((await respond('SMS_OTP', sms.Session, { USERNAME: 'ua2', SMS_OTP_CODE: lastCode('ua2') })).AuthenticationResult);

  const password = await userAuth({ USERNAME: 'ua2', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
  t.ok(password.AuthenticationResult?.AccessToken);
  await rejectsWith(
    t,
    userAuth({ USERNAME: 'ua2', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-Passw0rd!' }),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );

  const srp = await srpClient(MFA_POOL, { fast: true });
  const verifier = await userAuth({ USERNAME: 'ua2', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: srp.SRP_A });
  t.equal(verifier.ChallengeName, 'PASSWORD_VERIFIER');
  t.ok(
    (await respond('PASSWORD_VERIFIER', verifier.Session, await srp.respond(verifier.ChallengeParameters, PASSWORD))).AuthenticationResult,
  );

  const mfa = await userAuth({ USERNAME: 'totp', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
  t.equal(mfa.ChallengeName, 'SOFTWARE_TOKEN_MFA', 'the second factor still follows a password');
  const notOffered = await userAuth({ USERNAME: 'totp', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
  t.equal(notOffered.ChallengeName, 'SELECT_CHALLENGE', 'an ineligible preference gets the list');
});

t.test('SELECT_CHALLENGE answered with PASSWORD in the same request', async (t) => {
  const select = await userAuth({ USERNAME: 'ua3' });
  const done = await respond('SELECT_CHALLENGE', select.Session, { USERNAME: 'ua3', ANSWER: 'PASSWORD', PASSWORD });
  t.ok(done.AuthenticationResult);
  await rejectsWith(
    t,
    respond('SELECT_CHALLENGE', select.Session, { USERNAME: 'ua3', ANSWER: 'PASSWORD', PASSWORD }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
});

t.test('passwordless sign-up, ConfirmSignUp with its Session, then USER_AUTH with that Session', async (t) => {
  const signUp = await sdk.send(
    new SignUpCommand({ ClientId: MFA_CLIENT, Username: 'nopass', UserAttributes: [{ Name: 'email', Value: 'nopass@example.com' }] }),
  );
  t.equal(signUp.UserConfirmed, false);
  t.ok(signUp.Session, 'SignUp gives a Session to clients that allow USER_AUTH');
  const confirmed = await sdk.send(
    new ConfirmSignUpCommand({ ClientId: MFA_CLIENT, Username: 'nopass', ConfirmationCode: lastCode('nopass'), Session: signUp.Session }),
  );
  t.ok(confirmed.Session);
  const tokens = await userAuth({ USERNAME: 'nopass' }, MFA_CLIENT, confirmed.Session);
  t.ok(tokens.AuthenticationResult?.IdToken, 'signed in without another factor');
  await rejectsWith(
    t,
    userAuth({ USERNAME: 'nopass' }, MFA_CLIENT, confirmed.Session),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
  const select = await userAuth({ USERNAME: 'nopass' });
  t.same(select.AvailableChallenges, ['EMAIL_OTP'], 'no password to offer');
  const refused = sdk.send(
    new SignUpCommand({
      ClientId: REQUIRED_CLIENT,
      Username: 'nopass2',
      UserAttributes: [{ Name: 'email', Value: 'nopass2@example.com' }],
    }),
  );
  await t.rejects(refused, { name: 'InvalidParameterException' }, 'a pool without passwordless factors needs a password');
});

t.test('an UNCONFIRMED user signing in with an email code is confirmed', async (t) => {
  await sdk.send(
    new SignUpCommand({ ClientId: MFA_CLIENT, Username: 'otpnew', UserAttributes: [{ Name: 'email', Value: 'otpnew@example.com' }] }),
  );
  const challenge = await userAuth({ USERNAME: 'otpnew', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
  t.equal(challenge.ChallengeName, 'EMAIL_OTP');
  t.ok((await respond('EMAIL_OTP', challenge.Session, { USERNAME: 'otpnew', EMAIL_OTP_CODE: lastCode('otpnew') })).AuthenticationResult);
  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: MFA_POOL, Username: 'otpnew' }));
  t.equal(user.UserStatus, 'CONFIRMED');
  t.same(user.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'true');
});
