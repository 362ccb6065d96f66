// MFA through the real AWS SDK v3: the pool configuration, per-user preferences, authenticator
// apps (access token and MFA_SETUP session), and the SMS / email / TOTP / choice challenges after
// a password or SRP, with Cognito's parameters, errors and messages. The emulated clock moves the
// TOTP windows.
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { totpCode } from '../../src/mfa/totp.js';
import { srpClient } from '../helpers/auth.js';
import { rejectsWith, reuseTestKeys, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { MFA_CLIENT, MFA_POOL, PASSWORD, REQUIRED_CLIENT, REQUIRED_POOL, TOTP_SECRET, mfaFixture } from '../helpers/fixtures/index.js';

const server = await testEmulator(t, { listen: true, fixture: mfaFixture() });
reuseTestKeys(server.deps);
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
const now = () => server.clock.now();
// Each test starts in a fresh TOTP window, so codes used by one never count as reuse in the next.
t.beforeEach(() => {
  server.clock.offsetMs += 90_000;
});

const signIn = (USERNAME: string, ClientId = MFA_CLIENT) =>
  sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD } }));
const respond = (ChallengeName: string, Session: string | undefined, ChallengeResponses: Record<string, string>, ClientId = MFA_CLIENT) =>
  sdk.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: ChallengeName as never, Session, ChallengeResponses }));
const lastCode = (username: string) =>
  server.deps.messages
    .find({ userPoolId: MFA_POOL })
    .filter((m) => m.username === username)
    .at(-1);

t.test('pool MFA configuration: read, set, Cognito refusals', async (t) => {
  const config = await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: MFA_POOL }));
  t.equal(config.MfaConfiguration, 'OPTIONAL');
  t.same(config.SoftwareTokenMfaConfiguration, { Enabled: true });
  t.same(config.EmailMfaConfiguration, { Message: 'Sign-in code: {####}', Subject: 'Your sign-in code' });
  t.same(config.SmsMfaConfiguration?.SmsConfiguration, { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' });

  const created = await sdk.send(new CreateUserPoolCommand({ PoolName: 'mfa-config' }));
  const UserPoolId = created.UserPool?.Id ?? '';
  await rejectsWith(
    t,
    sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId, MfaConfiguration: 'ON' })),
    'InvalidParameterException',
    "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
  );
  await rejectsWith(
    t,
    sdk.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        SmsMfaConfiguration: { SmsAuthenticationMessage: 'no code here', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::1:role/x' } },
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value 'no code here' at 'smsMfaConfiguration.smsAuthenticationMessage' failed to satisfy " +
      'constraint: Member must satisfy regular expression pattern: .*\\{####\\}.*',
  );
  const set = await sdk.send(
    new SetUserPoolMfaConfigCommand({ UserPoolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }),
  );
  t.equal(set.MfaConfiguration, 'ON');
  t.same(set.SoftwareTokenMfaConfiguration, { Enabled: true });
  t.equal(set.SmsMfaConfiguration, undefined, 'no SMS factor without SMS configuration');
  const again = await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId }));
  t.equal(again.MfaConfiguration, 'ON');
});

t.test('no factor on: tokens at once (OPTIONAL pool)', async (t) => {
  const out = await signIn('plain');
  t.ok(out.AuthenticationResult?.AccessToken);
});

t.test('SOFTWARE_TOKEN_MFA: wrong code, right code, reused code', async (t) => {
  const first = await signIn('totp');
  t.equal(first.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  t.equal(first.AuthenticationResult, undefined);
  t.equal(first.ChallengeParameters?.USER_ID_FOR_SRP, 'totp');
  await rejectsWith(
    t,
    respond('SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'totp', SOFTWARE_TOKEN_MFA_CODE: '000000' }),
    'CodeMismatchException',
    'Invalid code received for user',
  );
  const code = totpCode(TOTP_SECRET, now());
  const done = await respond('SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'totp', SOFTWARE_TOKEN_MFA_CODE: code });
  t.ok(done.AuthenticationResult?.IdToken, 'tokens after the second factor (same session after a wrong code)');
  await rejectsWith(
    t,
    respond('SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'totp', SOFTWARE_TOKEN_MFA_CODE: code }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
  const second = await signIn('totp');
  await rejectsWith(
    t,
    respond('SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'totp', SOFTWARE_TOKEN_MFA_CODE: code }),
    'ExpiredCodeException',
    'Your software token has already been used once.',
  );
  // The previous window's code is still taken (±30 s); two windows back it is not.
  server.clock.offsetMs += 60_000;
  const previous = totpCode(TOTP_SECRET, now() - 30_000);
  const third = await respond('SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'totp', SOFTWARE_TOKEN_MFA_CODE: previous });
  t.ok(third.AuthenticationResult, 'a code from the previous 30 s window is accepted');
  const fourth = await signIn('totp');
  await rejectsWith(
    t,
    respond('SOFTWARE_TOKEN_MFA', fourth.Session, { USERNAME: 'totp', SOFTWARE_TOKEN_MFA_CODE: totpCode(TOTP_SECRET, now() - 90_000) }),
    'CodeMismatchException',
    'Invalid code received for user',
  );
});

t.test('the control route hands out the current code, by the emulated clock', async (t) => {
  const res = await fetch(`${server.url}/_emulator/totp?userPoolId=${MFA_POOL}&username=totp2`);
  const body = (await res.json()) as { code: string; verified: boolean };
  t.same(body.code, totpCode(TOTP_SECRET, now()));
  t.equal(body.verified, true);
  const missing = await fetch(`${server.url}/_emulator/totp?userPoolId=${MFA_POOL}&username=plain`);
  t.equal(missing.status, 404);
  const challenge = await signIn('totp2');
  t.equal(challenge.ChallengeName, 'SOFTWARE_TOKEN_MFA', 'the only factor on, though not preferred');
  const out = await respond('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'totp2', SOFTWARE_TOKEN_MFA_CODE: body.code });
  t.ok(out.AuthenticationResult);
});

t.test('SMS_MFA and EMAIL_OTP: masked destinations, recorded codes, contact verified', async (t) => {
  const sms = await signIn('sms');
  t.equal(sms.ChallengeName, 'SMS_MFA');
  t.same(sms.ChallengeParameters, {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
    CODE_DELIVERY_DESTINATION: '+*******0100',
    USER_ID_FOR_SRP: 'sms',
  });
  const smsMessage = lastCode('sms');
  t.equal(smsMessage?.deliveryMedium, 'SMS');
  t.equal(smsMessage?.message, `Your authentication code is ${smsMessage?.code}.`);
  await rejectsWith(
    t,
    respond('SMS_MFA', sms.Session, { USERNAME: 'sms', SMS_MFA_CODE: '000000' }),
    'CodeMismatchException',
    'Invalid code or auth state for the user.',
  );
  t.ok((await respond('SMS_MFA', sms.Session, { USERNAME: 'sms', SMS_MFA_CODE: smsMessage?.code ?? '' })).AuthenticationResult);

  const email = await signIn('email');
  t.equal(email.ChallengeName, 'EMAIL_OTP');
  t.same(email.ChallengeParameters, {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
    CODE_DELIVERY_DESTINATION: 'e***@e***',
    USER_ID_FOR_SRP: 'email',
  });
  const mail = lastCode('email');
  t.equal(mail?.subject, 'Your sign-in code');
  t.equal(mail?.message, `Sign-in code: ${mail?.code}`, "the pool's EmailMfaConfiguration.Message");
  t.ok((await respond('EMAIL_OTP', email.Session, { USERNAME: 'email', EMAIL_OTP_CODE: mail?.code ?? '' })).AuthenticationResult);
});

t.test('SELECT_MFA_TYPE after SRP: MFAS_CAN_CHOOSE, the chosen factor follows', async (t) => {
  const srp = await srpClient(MFA_POOL, { fast: true });
  const start = await sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: MFA_CLIENT, AuthParameters: { USERNAME: 'multi', SRP_A: srp.SRP_A } }),
  );
  const verifier = await respond('PASSWORD_VERIFIER', start.Session, await srp.respond(start.ChallengeParameters, PASSWORD));
  t.equal(verifier.ChallengeName, 'SELECT_MFA_TYPE');
  t.equal(verifier.ChallengeParameters?.MFAS_CAN_CHOOSE, '["SMS_MFA","SOFTWARE_TOKEN_MFA"]');
  await rejectsWith(
    t,
    respond('SELECT_MFA_TYPE', verifier.Session, { USERNAME: 'multi', ANSWER: 'EMAIL_OTP' }),
    'InvalidParameterException',
    'Invalid MFA type selected.',
  );
  const chosen = await respond('SELECT_MFA_TYPE', verifier.Session, { USERNAME: 'multi', ANSWER: 'SOFTWARE_TOKEN_MFA' });
  t.equal(chosen.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  t.not(chosen.Session, verifier.Session, 'a new session for the next step');
  const out = await respond('SOFTWARE_TOKEN_MFA', chosen.Session, {
    USERNAME: 'multi',
    SOFTWARE_TOKEN_MFA_CODE: totpCode(TOTP_SECRET, now()),
  });
  t.ok(out.AuthenticationResult);
});

t.test('MFA_SETUP in a pool that requires MFA: associate and verify with the session', async (t) => {
  const first = await signIn('newbie', REQUIRED_CLIENT);
  t.equal(first.ChallengeName, 'MFA_SETUP');
  t.same(first.ChallengeParameters, { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'newbie' });
  await rejectsWith(
    t,
    respond('MFA_SETUP', first.Session, { USERNAME: 'newbie' }, REQUIRED_CLIENT),
    'InvalidParameterException',
    'Software token has not been verified for the user.',
  );
  await rejectsWith(
    t,
    respond('MFA_SETUP', first.Session, { USERNAME: 'newbie', EMAIL: 'n@example.com' }, REQUIRED_CLIENT),
    'InvalidParameterException',
    'Invalid MFA type selected.',
  ); // no email set-up in a pool without email MFA
  const associated = await sdk.send(new AssociateSoftwareTokenCommand({ Session: first.Session }));
  t.match(associated.SecretCode, /^[A-Z2-7]{32}$/);
  t.ok(associated.Session && associated.Session !== first.Session);
  await rejectsWith(
    t,
    sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: '000000' })),
    'EnableSoftwareTokenMFAException',
    'Code mismatch and fail enable Software Token MFA',
  );
  const verified = await sdk.send(
    new VerifySoftwareTokenCommand({
      Session: associated.Session,
      UserCode: totpCode(associated.SecretCode ?? '', now()),
      FriendlyDeviceName: 'phone',
    }),
  );
  t.equal(verified.Status, 'SUCCESS');
  await rejectsWith(
    t,
    respond('MFA_SETUP', undefined, { USERNAME: 'newbie' }, REQUIRED_CLIENT),
    'InvalidParameterException',
    'Missing required parameter Session',
  );
  const done = await respond('MFA_SETUP', verified.Session, { USERNAME: 'newbie' }, REQUIRED_CLIENT);
  t.ok(done.AuthenticationResult?.AccessToken);
  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: REQUIRED_POOL, Username: 'newbie' }));
  t.same(user.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
  t.equal(user.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA');
  server.clock.offsetMs += 60_000;
  const next = await signIn('newbie', REQUIRED_CLIENT);
  t.equal(next.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  t.equal(next.ChallengeParameters?.FRIENDLY_DEVICE_NAME, 'phone');
});

t.test('authenticator app by access token, then preferences', async (t) => {
  const signedIn = await signIn('enrol');
  const AccessToken = signedIn.AuthenticationResult?.AccessToken ?? '';
  await rejectsWith(
    t,
    sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true } })),
    'InvalidParameterException',
    'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
  );
  await rejectsWith(
    t,
    sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: '123456' })),
    'SoftwareTokenMFANotFoundException',
    'Software Token MFA does not exist for the user.',
  );
  const associated = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  t.equal(associated.Session, undefined, 'no Session with an access token');
  await rejectsWith(
    t,
    sdk.send(new AssociateSoftwareTokenCommand({ AccessToken, Session: 'x'.repeat(40) })),
    'InvalidParameterException',
    'Only one of AccessToken or Session can be provided',
  );
  await rejectsWith(
    t,
    sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: '12345' })),
    'InvalidParameterException',
    "1 validation error detected: Value '12345' at 'userCode' failed to satisfy constraint: Member must have length greater than or " +
      'equal to 6',
  );
  const verified = await sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCode(associated.SecretCode ?? '', now()) }));
  t.same({ Status: verified.Status, Session: verified.Session }, { Status: 'SUCCESS', Session: undefined });
  const before = await sdk.send(new GetUserCommand({ AccessToken }));
  t.equal(before.UserMFASettingList, undefined, 'verifying alone turns nothing on in an OPTIONAL pool');
  await sdk.send(
    new SetUserMFAPreferenceCommand({
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      SMSMfaSettings: { Enabled: true, PreferredMfa: false },
    }),
  );
  const after = await sdk.send(new GetUserCommand({ AccessToken }));
  t.same(after.UserMFASettingList, ['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
  t.equal(after.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA');
  t.same(after.MFAOptions, [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]);
  server.clock.offsetMs += 60_000;
  t.equal((await signIn('enrol')).ChallengeName, 'SOFTWARE_TOKEN_MFA', 'the preferred factor');
  await sdk.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: MFA_POOL,
      Username: 'enrol',
      SoftwareTokenMfaSettings: { Enabled: false },
      SMSMfaSettings: { Enabled: false },
    }),
  );
  const admin = await sdk.send(new AdminGetUserCommand({ UserPoolId: MFA_POOL, Username: 'enrol' }));
  t.equal(admin.UserMFASettingList, undefined);
  t.equal(admin.PreferredMfaSetting, undefined);
  t.ok((await signIn('enrol')).AuthenticationResult, 'no factor on: tokens again');
});

t.test('TOTP off on the pool: associate refused', async (t) => {
  const created = await sdk.send(new CreateUserPoolCommand({ PoolName: 'no-totp' }));
  t.ok(created.UserPool?.Id);
  // Associate with a session that names nothing: refused as an invalid session.
  await rejectsWith(
    t,
    sdk.send(new AssociateSoftwareTokenCommand({ Session: 'y'.repeat(40) })),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
});
