// UpdateDeviceStatus (access token) and AdminUpdateDeviceStatus (pool + username): remembered or not.
import type { AdminUpdateDeviceStatusResponse, UpdateDeviceStatusResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import { updateDevice } from '../../../devices/devices.js';
import { optionalEnum } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { deviceKey, type Who } from './device-input.js';
import { deviceOrThrow } from './device-type.js';

export const updateDeviceStatus =
  <K extends keyof Deps>(who: Who<K>): Operation<K | 'clock' | 'store'> =>
  (deps) =>
  async (input) => {
    const user = await who(deps, input);
    const key = deviceKey(input);
    deviceOrThrow(user, key);
    const status = optionalEnum(input, 'DeviceRememberedStatus', ['remembered', 'not_remembered'] as const);
    if (status !== undefined) await updateDevice(deps, user, key, (d) => ({ ...d, RememberedStatus: status }));
    return {} satisfies Wire<UpdateDeviceStatusResponse & AdminUpdateDeviceStatusResponse>;
  };
