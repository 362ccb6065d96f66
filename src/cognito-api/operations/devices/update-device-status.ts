// UpdateDeviceStatus (access token) and AdminUpdateDeviceStatus (pool + username): remembered or not.
import type { AdminUpdateDeviceStatusResponse, UpdateDeviceStatusResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import { updateDevice } from '../../../devices/devices.js';
import { optionalEnum } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { namedDevice, type Who } from './device-input.js';

export const updateDeviceStatus =
  <K extends keyof Deps>(who: Who<K>): Operation<K | 'clock' | 'store'> =>
  (deps) =>
  async (input) => {
    const { user, device } = await namedDevice(who, deps, input);
    const status = optionalEnum(input, 'DeviceRememberedStatus', ['remembered', 'not_remembered'] as const);
    if (status !== undefined) await updateDevice(deps, user, device.DeviceKey, (d) => ({ ...d, RememberedStatus: status }));
    return {} satisfies Wire<UpdateDeviceStatusResponse & AdminUpdateDeviceStatusResponse>;
  };
