// ForgetDevice (access token) and AdminForgetDevice (pool + username): the device leaves the user.
import type { Deps } from '../../../deps.js';
import { updateDevice } from '../../../devices/devices.js';
import type { Operation } from '../../operation.js';
import { deviceKey, type Who } from './device-input.js';
import { deviceOrThrow } from './device-type.js';

export const forgetDevice =
  <K extends keyof Deps>(who: Who<K>): Operation<K | 'clock' | 'store'> =>
  (deps) =>
  async (input) => {
    const user = await who(deps, input);
    const key = deviceKey(input);
    deviceOrThrow(user, key);
    await updateDevice(deps, user, key, () => undefined);
    return {};
  };
