// Shared by the MFA tests; not a test file itself. Two pools: OPTIONAL MFA with every factor and a
// user per situation, and ON with authenticator apps only (users there must set one up).
import { CALLBACK, EMAIL_POOL_SIGNING_KEYS, PASSWORD, SIGNING_KEYS } from '../helpers/fixture.js';

export const MFA_POOL = 'us-east-1_MfaPool01';
export const REQUIRED_POOL = 'us-east-1_MfaPool02';
export const MFA_CLIENT = 'mfaclient00000000000000000';
export const REQUIRED_CLIENT = 'mfarequiredclient000000000';
export const PASSWORD_ONLY_CLIENT = 'mfapasswordonly00000000000';
/** The fixture's authenticator secret: tests compute codes from it like an app would. */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export { CALLBACK, PASSWORD };

const FLOWS = [
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_USER_AUTH',
];
const client = (ClientId: string) => ({
  ClientId,
  ClientName: 'mfa app',
  ExplicitAuthFlows: FLOWS,
  CallbackURLs: [CALLBACK],
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'email', 'phone'],
  AllowedOAuthFlowsUserPoolClient: true,
});
const user = (Username: string, extra: object = {}) => ({
  Username,
  Password: PASSWORD,
  Attributes: { email: `${Username}@example.com`, email_verified: 'true', phone_number: '+15555550100', phone_number_verified: 'true' },
  ...extra,
});

export function mfaFixture(): object {
  return {
    UserPools: [
      {
        Id: MFA_POOL,
        Name: 'mfa',
        SigningKeys: SIGNING_KEYS,
        MfaConfiguration: 'OPTIONAL',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' },
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Message: 'Sign-in code: {####}', Subject: 'Your sign-in code' },
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] } },
        AutoVerifiedAttributes: ['email'],
        Clients: [client(MFA_CLIENT), { ...client(PASSWORD_ONLY_CLIENT), ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
        Users: [
          user('plain'),
          user('totp', {
            UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
            PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
            SoftwareTokenSecret: TOTP_SECRET,
          }),
          user('totp2', { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], SoftwareTokenSecret: TOTP_SECRET }),
          user('sms', { UserMFASettingList: ['SMS_MFA'] }),
          user('email', { UserMFASettingList: ['EMAIL_OTP'] }),
          user('multi', { UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], SoftwareTokenSecret: TOTP_SECRET }),
          user('enrol'),
          user('acij'),
          user('amp'),
          user('amp2'),
          user('dev', { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], SoftwareTokenSecret: TOTP_SECRET }),
          user('ua1'),
          user('ua2'),
          user('ua3'),
        ],
      },
      {
        Id: REQUIRED_POOL,
        Name: 'mfa required',
        SigningKeys: EMAIL_POOL_SIGNING_KEYS,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        Clients: [client(REQUIRED_CLIENT)],
        Users: ['newbie', 'newbie2', 'newbie3', 'newbie4'].map((u) => user(u)),
      },
    ],
  };
}

/** The same, with email MFA offered in the pool that requires MFA too: users there choose what to set up. */
export function mfaFixtureWithEmailSetup(): object {
  const base = mfaFixture() as { UserPools: Array<Record<string, unknown>> };
  return {
    UserPools: base.UserPools.map((p) =>
      p.Id === REQUIRED_POOL ? { ...p, EmailMfaConfiguration: { Message: 'Sign-in code: {####}', Subject: 'Your sign-in code' } } : p,
    ),
  };
}
