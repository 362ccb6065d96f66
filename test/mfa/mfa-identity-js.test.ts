// amazon-cognito-identity-js (the library under Amplify v5 and many older apps) against the
// emulator: its MFA callbacks (totpRequired, mfaRequired, selectMFAType, mfaSetup) and answers,
// and its remembered-device calls, with a localStorage-like store as React Native or server apps
// pass it (Node has no window.localStorage).
import * as identity from 'amazon-cognito-identity-js';
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { decodeJwt } from 'jose';
import { MFA_CLIENT, MFA_POOL, PASSWORD, REQUIRED_CLIENT, REQUIRED_POOL, TOTP_SECRET, mfaFixture } from '../helpers/fixtures/index.js';
import { totpCode } from '../../src/mfa/totp.js';

const server = await testEmulator(t, { listen: true, fixture: mfaFixture() });
t.beforeEach(() => {
  server.clock.offsetMs += 90_000;
});
const lastCode = (username: string) =>
  server.deps.messages
    .find({ userPoolId: MFA_POOL })
    .filter((m) => m.username === username)
    .at(-1)?.code ?? '';

/** What window.localStorage offers, for the library's token and device-key cache. */
class MapStorage implements identity.ICognitoStorage {
  private readonly items = new Map<string, string>();
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

function cognitoUser(poolId: string, clientId: string, username: string, Storage: identity.ICognitoStorage = new MapStorage()) {
  const pool = new identity.CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.url, Storage });
  const user = new identity.CognitoUser({ Username: username, Pool: pool, Storage });
  user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  return user;
}

type Step = { name: string; args: unknown[] };
/** Runs one library call and reports which callback it ended in. */
function step(run: (callbacks: Record<string, (...args: unknown[]) => void>) => void): Promise<Step> {
  return new Promise((resolve) => {
    const cb =
      (name: string) =>
      (...args: unknown[]) =>
        resolve({ name, args });
    run({
      onSuccess: cb('onSuccess'),
      onFailure: cb('onFailure'),
      totpRequired: cb('totpRequired'),
      mfaRequired: cb('mfaRequired'),
      selectMFAType: cb('selectMFAType'),
      mfaSetup: cb('mfaSetup'),
      newPasswordRequired: cb('newPasswordRequired'),
      associateSecretCode: cb('associateSecretCode'),
    });
  });
}
const details = () => new identity.AuthenticationDetails({ Username: 'x', Password: PASSWORD });

t.test('totpRequired, then sendMFACode with SOFTWARE_TOKEN_MFA', async (t) => {
  const user = cognitoUser(MFA_POOL, MFA_CLIENT, 'totp');
  const first = await step((cb) => user.authenticateUser(details(), cb as never));
  t.equal(first.name, 'totpRequired');
  t.equal(first.args[0], 'SOFTWARE_TOKEN_MFA');
  const wrong = await step((cb) => user.sendMFACode('000000', cb as never, 'SOFTWARE_TOKEN_MFA'));
  t.equal(wrong.name, 'onFailure');
  t.equal((wrong.args[0] as Error).name, 'CodeMismatchException');
  const done = await step((cb) => user.sendMFACode(totpCode(TOTP_SECRET, server.clock.now()), cb as never, 'SOFTWARE_TOKEN_MFA'));
  t.equal(done.name, 'onSuccess');
});

t.test('mfaRequired with the SMS delivery details, then sendMFACode', async (t) => {
  const user = cognitoUser(MFA_POOL, MFA_CLIENT, 'sms');
  const first = await step((cb) => user.authenticateUser(details(), cb as never));
  t.equal(first.name, 'mfaRequired');
  t.equal(first.args[0], 'SMS_MFA');
  t.same(first.args[1], { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0100', USER_ID_FOR_SRP: 'sms' });
  const done = await step((cb) => user.sendMFACode(lastCode('sms'), cb as never));
  t.equal(done.name, 'onSuccess');
});

t.test('selectMFAType, sendMFASelectionAnswer, then the chosen factor', async (t) => {
  const user = cognitoUser(MFA_POOL, MFA_CLIENT, 'multi');
  const first = await step((cb) => user.authenticateUser(details(), cb as never));
  t.equal(first.name, 'selectMFAType');
  t.same(first.args[1], { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'multi' });
  const chosen = await step((cb) => user.sendMFASelectionAnswer('SMS_MFA', cb as never));
  t.equal(chosen.name, 'mfaRequired');
  t.equal((await step((cb) => user.sendMFACode(lastCode('multi'), cb as never))).name, 'onSuccess');
});

t.test('mfaSetup: associateSoftwareToken and verifySoftwareToken with the session', async (t) => {
  const user = cognitoUser(REQUIRED_POOL, REQUIRED_CLIENT, 'newbie3');
  const first = await step((cb) => user.authenticateUser(details(), cb as never));
  t.equal(first.name, 'mfaSetup');
  const associated = await step((cb) => user.associateSoftwareToken(cb as never));
  t.equal(associated.name, 'associateSecretCode');
  const secret = associated.args[0] as string;
  const verified = await step((cb) => user.verifySoftwareToken(totpCode(secret, server.clock.now()), 'phone', cb as never));
  t.equal(verified.name, 'onSuccess', 'signed in once the token is verified');
  t.ok(user.getSignInUserSession()?.isValid());
});

t.test('devices: confirmed at sign-in, remembered, listed, then MFA skipped on it; forgotten, MFA again', async (t) => {
  const storage = new MapStorage();
  const user = cognitoUser(MFA_POOL, MFA_CLIENT, 'dev', storage);
  t.equal((await step((cb) => user.authenticateUser(details(), cb as never))).name, 'totpRequired');
  const signedIn = await step((cb) => user.sendMFACode(totpCode(TOTP_SECRET, server.clock.now()), cb as never, 'SOFTWARE_TOKEN_MFA'));
  t.equal(signedIn.name, 'onSuccess');
  t.equal(signedIn.args[1], true, "userConfirmationNecessary: the pool remembers devices on the user's say-so");

  // A new page load: the library reads the device it confirmed back from storage.
  const later = cognitoUser(MFA_POOL, MFA_CLIENT, 'dev', storage);
  later.getCachedDeviceKeyAndPassword();
  const deviceKey = (later as unknown as { deviceKey?: string }).deviceKey;
  t.match(deviceKey, /^us-east-1_[0-9a-f-]{36}$/, 'the device key and its random password are cached');
  const session = signedIn.args[0] as identity.CognitoUserSession;
  t.equal(decodeJwt(session.getAccessToken().getJwtToken()).device_key, deviceKey, 'the access token names the new device');
  user.getCachedDeviceKeyAndPassword();
  t.equal((await step((cb) => user.setDeviceStatusRemembered(cb as never))).name, 'onSuccess');
  const listed = await step((cb) => user.listDevices(10, null, cb as never));
  const devices = (listed.args[0] as { Devices: Array<{ DeviceKey: string; DeviceAttributes: Array<{ Name: string; Value: string }> }> })
    .Devices;
  t.same(
    devices.map((d) => d.DeviceKey),
    [deviceKey],
  );
  t.equal(devices[0]?.DeviceAttributes.find((a) => a.Name === 'dev:device_remembered_status')?.Value, 'remembered');

  server.clock.offsetMs += 90_000;
  const again = await step((cb) => later.authenticateUser(details(), cb as never));
  t.equal(again.name, 'onSuccess', 'the remembered device answers DEVICE_SRP_AUTH instead of the TOTP code');
  const deviceSession = again.args[0] as identity.CognitoUserSession;
  t.equal(decodeJwt(deviceSession.getAccessToken().getJwtToken()).device_key, deviceKey, 'and its access token names that device');

  t.equal((await step((cb) => later.forgetDevice(cb as never))).name, 'onSuccess');
  t.same((await step((cb) => later.listDevices(10, null, cb as never))).args[0], { Devices: [] });
  later.getCachedDeviceKeyAndPassword();
  t.equal((later as unknown as { deviceKey?: string | null }).deviceKey, null, 'forgetDevice clears the cache');
  const afterForget = cognitoUser(MFA_POOL, MFA_CLIENT, 'dev', storage);
  t.equal(
    (await step((cb) => afterForget.authenticateUser(details(), cb as never))).name,
    'totpRequired',
    'a forgotten device asks for MFA again',
  );
});
