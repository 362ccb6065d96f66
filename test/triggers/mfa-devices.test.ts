// Triggers around MFA and remembered devices: CustomMessage_Authentication for sign-in codes (MFA
// and USER_AUTH one-time codes), TokenGeneration_AuthenticateDevice for a remembered device's
// sign-in (Amplify v6 in Node), and UserMigration's forceAliasCreation and enableSMSMFA.
import { AdminGetUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { CustomMessageTriggerHandler, PreTokenGenerationTriggerHandler, UserMigrationTriggerHandler } from 'aws-lambda';
import t from 'tap';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, rememberDevice, signIn, signOut } from 'aws-amplify/auth';
import { totpCode } from '../../src/mfa/totp.js';
import { rejectsWith } from '../helpers/sdk.js';
import { MFA_CLIENT, MFA_POOL, PASSWORD, TOTP_SECRET, mfaFixture } from '../helpers/fixtures/index.js';
import { ARN, Calls, startTriggerServer } from '../helpers/triggers.js';

const calls = new Calls();
const customMessage: CustomMessageTriggerHandler = async (event) => {
  calls.record(event);
  if (event.triggerSource === 'CustomMessage_Authentication') {
    event.response.smsMessage = `Acme sign-in code ${event.request.codeParameter}`;
    event.response.emailMessage = `<p>Acme code: ${event.request.codeParameter}</p>`;
    event.response.emailSubject = 'Acme sign-in';
  }
  return event;
};
const preToken: PreTokenGenerationTriggerHandler = async (event) => {
  calls.record(event);
  event.response.claimsOverrideDetails = { claimsToAddOrOverride: { signed_in_by: event.triggerSource } };
  return event;
};
const LEGACY: Record<string, { attributes: Record<string, string>; force?: boolean; sms?: boolean }> = {
  'legacy-force': { attributes: { email: 'plain@example.com', email_verified: 'true' }, force: true },
  'legacy-clash': { attributes: { email: 'sms@example.com', email_verified: 'true' } },
  'legacy-sms': {
    attributes: { email: 'legacy-sms@example.com', email_verified: 'true', phone_number: '+15555550199', phone_number_verified: 'true' },
    sms: true,
  },
  'legacy-nophone': { attributes: { email: 'legacy-nophone@example.com', email_verified: 'true' }, sms: true },
};
const migrate: UserMigrationTriggerHandler = async (event) => {
  calls.record(event);
  const legacy = LEGACY[event.userName];
  if (!legacy) throw new Error('Bad username');
  event.response.userAttributes = legacy.attributes;
  event.response.finalUserStatus = 'CONFIRMED';
  event.response.messageAction = 'SUPPRESS';
  if (legacy.force) event.response.forceAliasCreation = true;
  if (legacy.sms) event.response.enableSMSMFA = true;
  return event;
};

const fixture = mfaFixture() as { UserPools: Array<Record<string, unknown>> };
const pool = fixture.UserPools[0]!;
pool.LambdaConfig = { CustomMessage: ARN('custom-message'), PreTokenGeneration: ARN('pre-token'), UserMigration: ARN('migrate') };
pool.AliasAttributes = ['email'];
const server = await startTriggerServer(t, { fixture, triggers: { 'custom-message': customMessage, 'pre-token': preToken, migrate } });
const { sdk } = server;

const passwordSignIn = (USERNAME: string, password = PASSWORD) =>
  sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: MFA_CLIENT, AuthParameters: { USERNAME, PASSWORD: password } }),
  );
async function lastMessage(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/_emulator/messages?userPoolId=${MFA_POOL}&username=${encodeURIComponent(username)}`);
  const all = ((await res.json()) as { Messages: Array<Record<string, string>> }).Messages;
  return all.at(-1) ?? {};
}

t.test('CustomMessage_Authentication: SMS and email MFA codes, USER_AUTH one-time codes', async (t) => {
  const sms = await passwordSignIn('sms');
  t.equal(sms.ChallengeName, 'SMS_MFA');
  const e = calls.last('CustomMessage_Authentication');
  t.match(e, {
    version: '1',
    triggerSource: 'CustomMessage_Authentication',
    userPoolId: MFA_POOL,
    userName: 'sms',
    callerContext: { clientId: MFA_CLIENT },
    request: {
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      userAttributes: { phone_number: '+15555550100' },
    },
  });
  const smsMessage = await lastMessage('sms');
  t.match(smsMessage, { deliveryMedium: 'SMS', destination: '+15555550100' });
  t.equal(smsMessage.message, `Acme sign-in code ${smsMessage.code}`, "the trigger's text, the code filled in");
  const done = await sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: MFA_CLIENT,
      ChallengeName: 'SMS_MFA',
      Session: sms.Session,
      ChallengeResponses: { USERNAME: 'sms', SMS_MFA_CODE: smsMessage.code ?? '' },
    }),
  );
  t.ok(done.AuthenticationResult?.AccessToken, 'the recorded code signs in');

  t.equal((await passwordSignIn('email')).ChallengeName, 'EMAIL_OTP');
  const email = await lastMessage('email');
  t.match(email, { deliveryMedium: 'EMAIL', subject: 'Acme sign-in' });
  t.equal(email.message, `<p>Acme code: ${email.code}</p>`);

  const before = calls.of('CustomMessage_Authentication').length;
  const otp = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_AUTH',
      ClientId: MFA_CLIENT,
      AuthParameters: { USERNAME: 'ua1', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    }),
  );
  t.equal(otp.ChallengeName, 'EMAIL_OTP');
  t.equal(calls.of('CustomMessage_Authentication').length, before + 1, 'passwordless codes go through the trigger too');
  const passwordless = await lastMessage('ua1');
  t.equal(passwordless.message, `<p>Acme code: ${passwordless.code}</p>`);
});

t.test('TokenGeneration_AuthenticateDevice: a remembered device signs in (Amplify v6)', async (t) => {
  Amplify.configure({ Auth: { Cognito: { userPoolId: MFA_POOL, userPoolClientId: MFA_CLIENT, userPoolEndpoint: server.url } } });
  // Amplify names the device from `navigator`, which Node 20 lacks (see test/mfa/devices.test.ts).
  if (!('navigator' in globalThis))
    Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Node.js test' }, configurable: true });
  const signInDev = () => signIn({ username: 'dev', password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  const first = await signInDev();
  t.equal(first.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  t.equal((await confirmSignIn({ challengeResponse: totpCode(TOTP_SECRET, server.deps.clock.now()) })).isSignedIn, true);
  t.equal(calls.last('TokenGeneration_Authentication')?.userName, 'dev', 'a password and TOTP sign-in is an Authentication');
  await rememberDevice();
  await signOut();
  const before = calls.of('TokenGeneration_AuthenticateDevice').length;
  t.equal((await signInDev()).isSignedIn, true, 'signed in on the remembered device');
  t.equal(calls.of('TokenGeneration_AuthenticateDevice').length, before + 1);
  t.match(calls.last('TokenGeneration_AuthenticateDevice'), {
    triggerSource: 'TokenGeneration_AuthenticateDevice',
    userName: 'dev',
    callerContext: { clientId: MFA_CLIENT },
    request: { userAttributes: { email: 'dev@example.com' } },
  });
  await signOut();
});

t.test('UserMigration forceAliasCreation: the verified email moves to the migrated user; without it AliasExistsException', async (t) => {
  const moved = await passwordSignIn('legacy-force', 'legacy');
  t.ok(moved.AuthenticationResult?.AccessToken);
  const previous = await sdk.send(new AdminGetUserCommand({ UserPoolId: MFA_POOL, Username: 'plain' }));
  t.equal(
    previous.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value,
    'false',
    'the previous holder keeps the email, unverified',
  );
  t.equal(previous.UserAttributes?.find((a) => a.Name === 'email')?.Value, 'plain@example.com');
  const migrated = await sdk.send(new AdminGetUserCommand({ UserPoolId: MFA_POOL, Username: 'legacy-force' }));
  t.equal(migrated.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'true', 'the migrated user holds it, verified');

  await rejectsWith(t, passwordSignIn('legacy-clash', 'legacy'), 'AliasExistsException', 'An account with the given email already exists.');
  await rejectsWith(
    t,
    sdk.send(new AdminGetUserCommand({ UserPoolId: MFA_POOL, Username: 'legacy-clash' })),
    'UserNotFoundException',
    'User does not exist.',
  );
  const holder = await sdk.send(new AdminGetUserCommand({ UserPoolId: MFA_POOL, Username: 'sms' }));
  t.equal(holder.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'true', 'untouched');
});

t.test('UserMigration enableSMSMFA: SMS MFA on for the migrated user; without a phone number the migration fails', async (t) => {
  const challenge = await passwordSignIn('legacy-sms', 'legacy');
  t.equal(challenge.ChallengeName, 'SMS_MFA', 'the first sign-in already asks for the SMS code');
  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: MFA_POOL, Username: 'legacy-sms' }));
  t.same(user.UserMFASettingList, ['SMS_MFA']);

  await rejectsWith(t, passwordSignIn('legacy-nophone', 'legacy'), 'InvalidLambdaResponseException', 'Unrecognizable lambda output');
  await rejectsWith(
    t,
    sdk.send(new AdminGetUserCommand({ UserPoolId: MFA_POOL, Username: 'legacy-nophone' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});
