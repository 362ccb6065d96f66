// Remembered devices: Amplify v6 in Node confirms the device it is given at sign-in, remembers it,
// lists it, and then signs in on it without the TOTP code (DEVICE_SRP_AUTH); the AWS SDK's Admin*
// device operations and their refusals.
import {
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminUpdateDeviceStatusCommand,
  DescribeUserPoolCommand,
  GetDeviceCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import t from 'tap';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, fetchDevices, forgetDevice, rememberDevice, signIn, signOut } from 'aws-amplify/auth';
import { totpCode } from '../../src/mfa/totp.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { MFA_CLIENT, MFA_POOL, PASSWORD, TOTP_SECRET, mfaFixture } from '../helpers/fixtures/index.js';

const server = await testEmulator(t, { listen: true, fixture: mfaFixture() });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
Amplify.configure({ Auth: { Cognito: { userPoolId: MFA_POOL, userPoolClientId: MFA_CLIENT, userPoolEndpoint: server.url } } });
// Amplify names the device from `navigator` (a browser global Node 20 lacks; Node 21+ has one):
// without it Amplify skips ConfirmDevice silently, so the test gives Node what a browser has.
if (!('navigator' in globalThis))
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Node.js test' }, configurable: true });

const signInDev = () => signIn({ username: 'dev', password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });

t.test('DeviceConfiguration is returned; every sign-in of the pool gets NewDeviceMetadata', async (t) => {
  const pool = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: MFA_POOL }));
  t.same(pool.UserPool?.DeviceConfiguration, { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true });
  const out = await sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: MFA_CLIENT, AuthParameters: { USERNAME: 'plain', PASSWORD } }),
  );
  t.match(out.AuthenticationResult?.NewDeviceMetadata?.DeviceKey, /^us-east-1_[0-9a-f-]{36}$/);
  t.match(out.AuthenticationResult?.NewDeviceMetadata?.DeviceGroupKey, /^-[\w-]+$/);
  const listed = await sdk.send(new AdminListDevicesCommand({ UserPoolId: MFA_POOL, Username: 'plain' }));
  t.same(listed.Devices, [], 'an unconfirmed device is not listed');
});

t.test('the access token names the device (device_key), the ID token does not; a refresh keeps it', async (t) => {
  const out = await sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: MFA_CLIENT, AuthParameters: { USERNAME: 'plain', PASSWORD } }),
  );
  const key = out.AuthenticationResult?.NewDeviceMetadata?.DeviceKey;
  const access = decodeJwt(out.AuthenticationResult?.AccessToken ?? '');
  t.equal(access.device_key, key);
  t.same(Object.keys(access).slice(0, 2), ['sub', 'device_key'], 'right after sub, as in captured tokens');
  t.equal(decodeJwt(out.AuthenticationResult?.IdToken ?? '').device_key, undefined);
  const refreshed = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: MFA_CLIENT,
      AuthParameters: { REFRESH_TOKEN: out.AuthenticationResult?.RefreshToken ?? '', DEVICE_KEY: key ?? '' },
    }),
  );
  t.equal(decodeJwt(refreshed.AuthenticationResult?.AccessToken ?? '').device_key, key);
});

t.test('Amplify: confirm, remember, list, then sign in on the device without MFA', async (t) => {
  const first = await signInDev();
  t.equal(first.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  t.equal((await confirmSignIn({ challengeResponse: totpCode(TOTP_SECRET, server.clock.now()) })).isSignedIn, true);
  const [device] = await fetchDevices();
  t.ok(device?.id, 'Amplify confirmed the device it was given');
  const admin = await sdk.send(new AdminGetDeviceCommand({ UserPoolId: MFA_POOL, Username: 'dev', DeviceKey: device?.id ?? '' }));
  t.same(
    admin.Device?.DeviceAttributes?.find((a) => a.Name === 'dev:device_remembered_status')?.Value,
    'not_remembered',
    "remembered only on the user's say-so (DeviceOnlyRememberedOnUserPrompt)",
  );
  await rememberDevice();
  const after = await sdk.send(new AdminGetDeviceCommand({ UserPoolId: MFA_POOL, Username: 'dev', DeviceKey: device?.id ?? '' }));
  t.same(after.Device?.DeviceAttributes?.find((a) => a.Name === 'dev:device_remembered_status')?.Value, 'remembered');
  const accessToken = (await fetchAuthSession()).tokens?.accessToken.toString() ?? '';
  const own = await sdk.send(new GetDeviceCommand({ AccessToken: accessToken, DeviceKey: device?.id ?? '' }));
  t.equal(own.Device?.DeviceKey, device?.id);
  await signOut();

  server.clock.offsetMs += 90_000;
  const again = await signInDev();
  t.equal(again.isSignedIn, true, 'the remembered device stands in for the TOTP code');
  await forgetDevice();
  t.same(await fetchDevices(), []);
  await signOut();
  const afterForget = await signInDev();
  t.equal(afterForget.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE', 'a forgotten device asks for MFA again');
});

t.test('Admin* device operations and their refusals', async (t) => {
  const key = 'us-east-1_00000000-0000-0000-0000-000000000000';
  await rejectsWith(
    t,
    sdk.send(new AdminGetDeviceCommand({ UserPoolId: MFA_POOL, Username: 'dev', DeviceKey: key })),
    'ResourceNotFoundException',
    'Device does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateDeviceStatusCommand({ UserPoolId: MFA_POOL, Username: 'dev', DeviceKey: key, DeviceRememberedStatus: 'remembered' }),
    ),
    'ResourceNotFoundException',
    'Device does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminForgetDeviceCommand({ UserPoolId: MFA_POOL, Username: 'dev', DeviceKey: key })),
    'ResourceNotFoundException',
    'Device does not exist.',
  );
});
