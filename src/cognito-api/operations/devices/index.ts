// ConfirmDevice, GetDevice, ListDevices, UpdateDeviceStatus, ForgetDevice (access token) and their
// Admin* twins (pool + username). ConfirmDevice stores the device's SRP verifier; the device is
// remembered at once unless the pool remembers devices only on the user's say-so, in which case
// UserConfirmationNecessary is true and UpdateDeviceStatus remembers it.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmDevice.html
import type {
  AdminGetDeviceResponse,
  AdminListDevicesResponse,
  AdminUpdateDeviceStatusResponse,
  ConfirmDeviceResponse,
  GetDeviceResponse,
  ListDevicesResponse,
  UpdateDeviceStatusResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { User } from '../../../domain/model.js';
import { findDevice, updateDevice } from '../../../devices/devices.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalEnum, optionalInteger, optionalString, optionalStructure, requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { deviceOrThrow, devicePage, deviceType } from './device-type.js';

/** The dependencies of both ways of naming the user: the access token's checks need them all. */
type WhoDeps = 'clock' | 'keys' | 'store' | 'urls';
type Who = (deps: Pick<Deps, WhoDeps>, input: Input) => Promise<User>;
const byToken: Who = async (deps, input) => (await userFromAccessToken(deps, input)).user;
const byAdmin: Who = async (deps, input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  return userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
};
const deviceKey = (input: Input) => requiredString(input, 'DeviceKey', 55);

/** Base64 of the client's bytes, as minimal hex (the SRP code's form). */
function hexOf(base64: string, name: string): string {
  const hex = Buffer.from(base64, 'base64').toString('hex').replace(/^0+/, '');
  if (hex === '' || !/^[A-Za-z0-9+/]+=*$/.test(base64)) throw new CognitoError('InvalidParameterException', `${name} must be base64`);
  return hex;
}

export const confirmDevice: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user, pool } = await userFromAccessToken(deps, input);
  const key = deviceKey(input);
  const device = findDevice(user, key);
  if (!device) throw new CognitoError('ResourceNotFoundException', 'Device does not exist.');
  const config = optionalStructure(input, 'DeviceSecretVerifierConfig');
  const verifier = config && {
    PasswordVerifier: hexOf(requiredString(config, 'PasswordVerifier'), 'PasswordVerifier'),
    Salt: hexOf(requiredString(config, 'Salt'), 'Salt'),
  };
  if (!verifier) throw new CognitoError('InvalidParameterException', 'DeviceSecretVerifierConfig is required');
  const name = optionalString(input, 'DeviceName', 1024);
  const onPrompt = pool.DeviceConfiguration?.DeviceOnlyRememberedOnUserPrompt === true;
  await updateDevice(deps, user, key, (d) => ({
    ...d,
    Verifier: verifier,
    ...(name !== undefined ? { DeviceName: name } : {}),
    RememberedStatus: onPrompt ? 'not_remembered' : 'remembered',
  }));
  return { UserConfirmationNecessary: onPrompt } satisfies Wire<ConfirmDeviceResponse>;
};

const getDevice =
  (who: Who): Operation<WhoDeps> =>
  (deps) =>
  async (input) => {
    const user = await who(deps, input);
    return { Device: deviceType(deviceOrThrow(user, deviceKey(input))) } satisfies Wire<GetDeviceResponse & AdminGetDeviceResponse>;
  };

const listDevices =
  (who: Who): Operation<WhoDeps> =>
  (deps) =>
  async (input) => {
    const user = await who(deps, input);
    const page = devicePage(user, optionalInteger(input, 'Limit', 0, 60), optionalString(input, 'PaginationToken'));
    return page satisfies Wire<ListDevicesResponse & AdminListDevicesResponse>;
  };

const updateDeviceStatus =
  (who: Who): Operation<WhoDeps> =>
  (deps) =>
  async (input) => {
    const user = await who(deps, input);
    const key = deviceKey(input);
    deviceOrThrow(user, key);
    const status = optionalEnum(input, 'DeviceRememberedStatus', ['remembered', 'not_remembered'] as const);
    if (status !== undefined) await updateDevice(deps, user, key, (d) => ({ ...d, RememberedStatus: status }));
    return {} satisfies Wire<UpdateDeviceStatusResponse & AdminUpdateDeviceStatusResponse>;
  };

const forgetDevice =
  (who: Who): Operation<WhoDeps> =>
  (deps) =>
  async (input) => {
    const user = await who(deps, input);
    const key = deviceKey(input);
    deviceOrThrow(user, key);
    await updateDevice(deps, user, key, () => undefined);
    return {};
  };

export const DEVICE_OPERATIONS: Record<string, Operation> = {
  ConfirmDevice: confirmDevice,
  GetDevice: getDevice(byToken),
  AdminGetDevice: getDevice(byAdmin),
  ListDevices: listDevices(byToken),
  AdminListDevices: listDevices(byAdmin),
  UpdateDeviceStatus: updateDeviceStatus(byToken),
  AdminUpdateDeviceStatus: updateDeviceStatus(byAdmin),
  ForgetDevice: forgetDevice(byToken),
  AdminForgetDevice: forgetDevice(byAdmin),
};
