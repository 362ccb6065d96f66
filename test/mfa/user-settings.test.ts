// The legacy SetUserSettings / AdminSetUserSettings (SMS MFA only, through MFAOptions) and
// AdminDeleteSoftwareToken (a lost authenticator app), through the AWS SDK.
import {
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserSettingsCommand,
  AssociateSoftwareTokenCommand,
  SetUserPoolMfaConfigCommand,
  SetUserSettingsCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { totpCode } from '../../src/mfa/totp.js';
import { rejectsWith } from '../helpers/sdk.js';
import { PASSWORD, startThreatServer } from '../threat-protection/pool.js';

const { sdk, server, threatPool, confirmedUser, adminSignIn } = await startThreatServer(t);
const { poolId, clientId } = await threatPool('OFF');
await sdk.send(
  new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId,
    MfaConfiguration: 'OPTIONAL',
    SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms' } },
    SoftwareTokenMfaConfiguration: { Enabled: true },
  }),
);
const SMS = [{ DeliveryMedium: 'SMS' as const, AttributeName: 'phone_number' }];
const mfaOf = async (Username: string) => {
  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }));
  return { list: user.UserMFASettingList, options: user.MFAOptions, preferred: user.PreferredMfaSetting };
};

t.test('MFAOptions with SMS turns SMS MFA on, an empty list turns it off', async (t) => {
  await confirmedUser(poolId, 'uma', [{ Name: 'phone_number', Value: '+15555550100' }]);
  await sdk.send(new AdminSetUserSettingsCommand({ UserPoolId: poolId, Username: 'uma', MFAOptions: SMS }));
  t.same(await mfaOf('uma'), { list: ['SMS_MFA'], options: SMS, preferred: undefined });
  t.equal((await adminSignIn(poolId, clientId, 'uma')).ChallengeName, 'SMS_MFA');
  await sdk.send(new AdminSetUserSettingsCommand({ UserPoolId: poolId, Username: 'uma', MFAOptions: [] }));
  t.same(await mfaOf('uma'), { list: undefined, options: undefined, preferred: undefined });
  t.ok((await adminSignIn(poolId, clientId, 'uma')).AuthenticationResult);

  // The same through the user's own access token.
  const { AccessToken } = (await adminSignIn(poolId, clientId, 'uma')).AuthenticationResult!;
  await sdk.send(new SetUserSettingsCommand({ AccessToken: AccessToken!, MFAOptions: SMS }));
  t.same((await mfaOf('uma')).list, ['SMS_MFA']);
});

t.test('anything but SMS to phone_number is refused, and SMS needs a phone number', async (t) => {
  await confirmedUser(poolId, 'val', [{ Name: 'email', Value: 'val@example.com' }]);
  await rejectsWith(
    t,
    sdk.send(
      new AdminSetUserSettingsCommand({
        UserPoolId: poolId,
        Username: 'val',
        MFAOptions: [{ DeliveryMedium: 'EMAIL', AttributeName: 'email' }],
      }),
    ),
    'InvalidParameterException',
    'Only SMS delivery to phone_number can be set with MFAOptions; use SetUserMFAPreference for other factors.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminSetUserSettingsCommand({ UserPoolId: poolId, Username: 'val', MFAOptions: SMS })),
    'InvalidParameterException',
    'User does not have delivery config set to turn on SMS_MFA',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminSetUserSettingsCommand({ UserPoolId: poolId, Username: 'nobody', MFAOptions: SMS })),
    'UserNotFoundException',
    'User does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new SetUserSettingsCommand({ AccessToken: 'nope', MFAOptions: SMS })),
    'NotAuthorizedException',
    'Invalid Access Token',
  );
});

t.test('AdminDeleteSoftwareToken forgets the authenticator app: no TOTP challenge, a new app can be set up', async (t) => {
  await confirmedUser(poolId, 'wes');
  const { AccessToken } = (await adminSignIn(poolId, clientId, 'wes')).AuthenticationResult!;
  const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: AccessToken! }));
  await sdk.send(new VerifySoftwareTokenCommand({ AccessToken: AccessToken!, UserCode: totpCode(SecretCode!, server.clock.now()) }));
  await sdk.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: poolId,
      Username: 'wes',
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  t.equal((await adminSignIn(poolId, clientId, 'wes')).ChallengeName, 'SOFTWARE_TOKEN_MFA');

  await sdk.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'wes' }));
  t.same(await mfaOf('wes'), { list: undefined, options: undefined, preferred: undefined });
  t.ok((await adminSignIn(poolId, clientId, 'wes', PASSWORD)).AuthenticationResult, 'no TOTP any more');
  t.equal(server.deps.store.getUser(poolId, 'wes')?.SoftwareToken, undefined);
  const again = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: AccessToken! }));
  t.not(again.SecretCode, SecretCode, 'a new app gets a new secret');

  await sdk.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'wes' }));
  await rejectsWith(
    t,
    sdk.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'wes' })),
    'ResourceNotFoundException',
    'Software token not found for the user.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'nobody' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});

t.test('AdminDeleteSoftwareToken refuses an unconfirmed user', async (t) => {
  const { SignUpCommand } = await import('@aws-sdk/client-cognito-identity-provider');
  await sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'xia', Password: PASSWORD }));
  await rejectsWith(
    t,
    sdk.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'xia' })),
    'UserNotConfirmedException',
    'User is not confirmed.',
  );
});
