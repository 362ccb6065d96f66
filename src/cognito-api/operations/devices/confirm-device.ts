// ConfirmDevice stores the device's SRP verifier; the device is remembered at once unless the pool
// remembers devices only on the user's say-so, in which case UserConfirmationNecessary is true and
// UpdateDeviceStatus remembers it.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmDevice.html
import type { ConfirmDeviceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { findDevice, updateDevice } from '../../../devices/devices.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { deviceKey, deviceVerifier } from './device-input.js';

export const confirmDevice: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user, pool } = await userFromAccessToken(deps, input);
  const key = deviceKey(input);
  const device = findDevice(user, key);
  if (!device) throw new CognitoError('ResourceNotFoundException', 'Device does not exist.');
  const verifier = deviceVerifier(input);
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
