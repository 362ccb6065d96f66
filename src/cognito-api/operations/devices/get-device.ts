// GetDevice (access token) and AdminGetDevice (pool + username): one confirmed device of the user.
import type { AdminGetDeviceResponse, GetDeviceResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { Operation, Wire } from '../../operation.js';
import { namedDevice, type Who } from './device-input.js';
import { deviceType } from './device-type.js';

export const getDevice =
  <K extends keyof Deps>(who: Who<K>): Operation<K> =>
  (deps) =>
  async (input) => {
    const { device } = await namedDevice(who, deps, input);
    return { Device: deviceType(device) } satisfies Wire<GetDeviceResponse & AdminGetDeviceResponse>;
  };
