// ForgetDevice (access token) and AdminForgetDevice (pool + username): the device leaves the user.
import type { Deps } from '../../../deps.js';
import { updateDevice } from '../../../devices/devices.js';
import type { Operation } from '../../operation.js';
import { namedDevice, type Who } from './device-input.js';

export const forgetDevice =
  <K extends keyof Deps>(who: Who<K>): Operation<K | 'clock' | 'store'> =>
  (deps) =>
  async (input) => {
    const { user, device } = await namedDevice(who, deps, input);
    await updateDevice(deps, user, device.DeviceKey, () => undefined);
    return {};
  };
