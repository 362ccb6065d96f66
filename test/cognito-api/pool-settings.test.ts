// Pool settings stored, returned and honoured, through the real AWS SDK v3: PasswordPolicy at every
// JSON API call site that sets a password, MfaConfiguration, AccountRecoverySetting, the message
// templates (their texts in the recorded messages), AllowAdminCreateUserOnly, UpdateUserPoolDomain.
import {
  AdminCreateUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  CreateUserPoolDomainCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ForgotPasswordCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  UpdateUserPoolCommand,
  UpdateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { startPoolsServer } from '../helpers/run-time-pools.js';
import { rejectsWith } from '../helpers/sdk.js';
import { messages } from '../helpers/users.js';

const { server, sdk, makePool, signIn } = await startPoolsServer(t);

const POLICY_ERROR = 'Password did not conform with password policy: ';
const LONG_POLICY = { MinimumLength: 12, RequireUppercase: false, RequireLowercase: false, RequireNumbers: false, RequireSymbols: false };

t.test('PasswordPolicy: stored, returned, and a 12-character minimum without classes', async (t) => {
  const { poolId, clientId, pool } = await makePool({ Policies: { PasswordPolicy: { ...LONG_POLICY, TemporaryPasswordValidityDays: 3 } } });
  const expected = { ...LONG_POLICY, TemporaryPasswordValidityDays: 3 };
  t.same(pool.Policies?.PasswordPolicy, expected, 'CreateUserPool returns it');
  t.same((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Policies?.PasswordPolicy, expected);

  // SignUp
  await rejectsWith(
    t,
    sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'sam', Password: 'Passw0rd!' })),
    'InvalidPasswordException',
    `${POLICY_ERROR}Password not long enough`,
  );
  await sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'sam', Password: 'abcdefghijklmn' }));
  // AdminCreateUser's temporary password, given or generated
  await rejectsWith(
    t,
    sdk.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'tia', TemporaryPassword: 'Passw0rd!', MessageAction: 'SUPPRESS' }),
    ),
    'InvalidPasswordException',
    `${POLICY_ERROR}Password not long enough`,
  );
  await sdk.send(
    new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'tia', TemporaryPassword: 'temporary-pass', MessageAction: 'SUPPRESS' }),
  );
  await sdk.send(
    new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'gen', UserAttributes: [{ Name: 'email', Value: 'gen@example.com' }] }),
  );
  const generated = (await messages(server.url, { userPoolId: poolId, username: 'gen' })).at(-1)?.temporaryPassword ?? '';
  t.ok(generated.length >= 12, 'a generated temporary password meets the minimum length');
  // the NEW_PASSWORD_REQUIRED answer
  const challenge = await signIn(clientId, 'tia', 'temporary-pass');
  t.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  const answer = (NEW_PASSWORD: string) =>
    sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'tia', NEW_PASSWORD },
      }),
    );
  await rejectsWith(t, answer('Sh0rt!x'), 'InvalidPasswordException', `${POLICY_ERROR}Password not long enough`);
  const tokens = (await answer('a long enough phrase')).AuthenticationResult!;
  // ChangePassword
  const change = (ProposedPassword: string) =>
    sdk.send(new ChangePasswordCommand({ AccessToken: tokens.AccessToken, PreviousPassword: 'a long enough phrase', ProposedPassword }));
  await rejectsWith(t, change('Passw0rd!'), 'InvalidPasswordException', `${POLICY_ERROR}Password not long enough`);
  await change('another long phrase');
  // AdminSetUserPassword
  const set = (Password: string) =>
    sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'tia', Password, Permanent: true }));
  await rejectsWith(t, set('Passw0rd!'), 'InvalidPasswordException', `${POLICY_ERROR}Password not long enough`);
  await set('abcdefghijklmn');
  t.ok((await signIn(clientId, 'tia', 'abcdefghijklmn')).AuthenticationResult, 'signs in with the policy-conforming password');
});

t.test('PasswordPolicy: ConfirmForgotPassword, and UpdateUserPool changes what is enforced', async (t) => {
  const { poolId, clientId } = await makePool({ AutoVerifiedAttributes: ['email'] });
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: 'uma',
      TemporaryPassword: 'Passw0rd!',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'uma@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'uma', Password: 'Passw0rd!', Permanent: true }));
  await sdk.send(
    new UpdateUserPoolCommand({
      UserPoolId: poolId,
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireNumbers: true } },
    }),
  );
  t.same(
    (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Policies?.PasswordPolicy,
    {
      MinimumLength: 10,
      RequireUppercase: false,
      RequireLowercase: false,
      RequireNumbers: true,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: 7,
    },
    'omitted members take their defaults',
  );
  await sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'uma' }));
  const code = (await messages(server.url, { userPoolId: poolId, username: 'uma' })).at(-1)?.code ?? '';
  const confirm = (Password: string) =>
    sdk.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: 'uma', ConfirmationCode: code, Password }));
  await rejectsWith(t, confirm('Passw0rd!'), 'InvalidPasswordException', `${POLICY_ERROR}Password not long enough`);
  await rejectsWith(t, confirm('no digits here'), 'InvalidPasswordException', `${POLICY_ERROR}Password must have numeric characters`);
  await confirm('lowercase 1 only');
  t.ok((await signIn(clientId, 'uma', 'lowercase 1 only')).AuthenticationResult);
  // Pools without a policy keep Cognito's default.
  const plain = await makePool();
  await rejectsWith(
    t,
    sdk.send(new SignUpCommand({ ClientId: plain.clientId, Username: 'x', Password: 'abcdefghijklmn' })),
    'InvalidPasswordException',
    `${POLICY_ERROR}Password must have uppercase characters`,
  );
});

t.test('PasswordPolicy: out-of-range values are refused', async (t) => {
  await rejectsWith(
    t,
    makePool({ Policies: { PasswordPolicy: { MinimumLength: 5 } } }),
    'InvalidParameterException',
    "1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must " +
      'have value greater than or equal to 6',
  );
});

t.test('MfaConfiguration: ON / OPTIONAL need a configured factor; the setting is stored', async (t) => {
  const refusal = 'SMS configuration and Auto verification for phone_number are required when MFA is required/optional';
  await rejectsWith(t, makePool({ MfaConfiguration: 'ON' }), 'InvalidParameterException', refusal);
  await rejectsWith(t, makePool({ MfaConfiguration: 'OPTIONAL' }), 'InvalidParameterException', refusal);
  const sms = { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'x' };
  const { poolId, pool } = await makePool({
    MfaConfiguration: 'OPTIONAL',
    SmsConfiguration: sms,
    AutoVerifiedAttributes: ['phone_number'],
  });
  t.equal(pool.MfaConfiguration, 'OPTIONAL');
  t.same(pool.SmsConfiguration, sms);
  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolCommand({ UserPoolId: poolId, MfaConfiguration: 'ON' })),
    'InvalidParameterException',
    refusal,
  );
  await sdk.send(new UpdateUserPoolCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SmsConfiguration: sms }));
  t.equal((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.MfaConfiguration, 'ON');
  await sdk.send(new UpdateUserPoolCommand({ UserPoolId: poolId }));
  t.equal((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.MfaConfiguration, 'OFF', 'omitted: back to OFF');
});

t.test('AccountRecoverySetting: priority decides the channel; admin_only refuses self-service reset', async (t) => {
  const recovery = {
    RecoveryMechanisms: [
      { Priority: 1, Name: 'verified_email' as const },
      { Priority: 2, Name: 'verified_phone_number' as const },
    ],
  };
  const { poolId, clientId, pool } = await makePool({ AccountRecoverySetting: recovery });
  t.same(pool.AccountRecoverySetting, recovery);
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: 'vic',
      TemporaryPassword: 'Passw0rd!',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'vic@example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'phone_number', Value: '+15555550123' },
        { Name: 'phone_number_verified', Value: 'true' },
      ],
    }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'vic', Password: 'Passw0rd!', Permanent: true }));
  const out = await sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'vic' }));
  t.same(
    out.CodeDeliveryDetails,
    { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'v***@e***' },
    'email first, as configured',
  );

  await sdk.send(
    new UpdateUserPoolCommand({
      UserPoolId: poolId,
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'admin_only' }] },
    }),
  );
  await rejectsWith(
    t,
    sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'vic' })),
    'NotAuthorizedException',
    'Contact administrator to reset password.',
  );
  await sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'vic' }));
  t.equal(
    (await messages(server.url, { userPoolId: poolId, username: 'vic' })).at(-1)?.trigger,
    'AdminResetUserPassword',
    'an administrator still can',
  );
  await rejectsWith(
    t,
    makePool({
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Priority: 1, Name: 'admin_only' },
          { Priority: 2, Name: 'verified_email' },
        ],
      },
    }),
    'InvalidParameterException',
    'Invalid account recovery setting parameter. admin_only cannot be combined with another recovery mechanism.',
  );
});

t.test('message templates: their texts are what the emulator records', async (t) => {
  const { poolId, clientId, pool } = await makePool({
    AutoVerifiedAttributes: ['email'],
    VerificationMessageTemplate: {
      EmailMessage: 'Welcome! Your code: {####}',
      EmailSubject: 'Confirm your account',
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
    },
    SmsVerificationMessage: 'Code {####}',
    AdminCreateUserConfig: { InviteMessageTemplate: { EmailMessage: 'Hi {username}, use {####}', EmailSubject: 'Your invitation' } },
  });
  t.same(pool.VerificationMessageTemplate, {
    EmailMessage: 'Welcome! Your code: {####}',
    EmailSubject: 'Confirm your account',
    DefaultEmailOption: 'CONFIRM_WITH_CODE',
    SmsMessage: 'Code {####}',
  });
  t.equal(pool.EmailVerificationMessage, 'Welcome! Your code: {####}', 'the top-level twin follows the template');
  t.equal(pool.SmsVerificationMessage, 'Code {####}');
  await sdk.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: 'wes',
      Password: 'Passw0rd!',
      UserAttributes: [{ Name: 'email', Value: 'wes@example.com' }],
    }),
  );
  const [signUp] = await messages(server.url, { userPoolId: poolId, username: 'wes' });
  t.match(signUp, { subject: 'Confirm your account', message: `Welcome! Your code: ${signUp?.code}` });
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: 'xena',
      UserAttributes: [{ Name: 'email', Value: 'xena@example.com' }],
      DesiredDeliveryMediums: ['EMAIL'],
    }),
  );
  const [invite] = await messages(server.url, { userPoolId: poolId, username: 'xena' });
  t.match(invite, { subject: 'Your invitation', message: `Hi xena, use ${invite?.temporaryPassword}` });
  // Defaults when the pool has no templates.
  const plain = await makePool({ AutoVerifiedAttributes: ['email'] });
  await sdk.send(
    new SignUpCommand({
      ClientId: plain.clientId,
      Username: 'yan',
      Password: 'Passw0rd!',
      UserAttributes: [{ Name: 'email', Value: 'yan@example.com' }],
    }),
  );
  const [standard] = await messages(server.url, { userPoolId: plain.poolId, username: 'yan' });
  t.match(standard, { subject: 'Your verification code', message: `Your verification code is ${standard?.code}.` });
  await rejectsWith(
    t,
    makePool({ VerificationMessageTemplate: { EmailMessage: 'no placeholder' } }),
    'InvalidParameterException',
    "1 validation error detected: Value 'no placeholder' at 'verificationMessageTemplate.emailMessage' failed to satisfy constraint: " +
      'Member must satisfy regular expression pattern: ' +
      '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*',
  );
});

t.test('AdminCreateUserConfig.AllowAdminCreateUserOnly refuses SignUp', async (t) => {
  const { clientId, pool } = await makePool({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
  t.same(pool.AdminCreateUserConfig, { AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 7 });
  await rejectsWith(
    t,
    sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'zed', Password: 'Passw0rd!' })),
    'NotAuthorizedException',
    'SignUp is not permitted for this user pool',
  );
});

t.test('UpdateUserPoolDomain: certificate and ManagedLoginVersion recorded', async (t) => {
  const { poolId } = await makePool();
  await sdk.send(
    new CreateUserPoolDomainCommand({
      UserPoolId: poolId,
      Domain: 'auth.example.com',
      CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/old' },
    }),
  );
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'update-me' }));
  const out = await sdk.send(
    new UpdateUserPoolDomainCommand({
      UserPoolId: poolId,
      Domain: 'auth.example.com',
      CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/new' },
    }),
  );
  t.equal(out.CloudFrontDomain, new URL(server.url).host);
  const described = await sdk.send(new DescribeUserPoolDomainCommand({ Domain: 'auth.example.com' }));
  t.same(described.DomainDescription?.CustomDomainConfig, { CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/new' });
  const prefix = await sdk.send(new UpdateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'update-me', ManagedLoginVersion: 2 }));
  t.equal(prefix.ManagedLoginVersion, 2);
  t.equal(prefix.CloudFrontDomain, undefined);
  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'not-mine', ManagedLoginVersion: 1 })),
    'InvalidParameterException',
    'No such domain or user pool exists.',
  );
});
