// ListDevices (access token) and AdminListDevices (pool + username): the user's confirmed devices.
import type { AdminListDevicesResponse, ListDevicesResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import { optionalInteger, optionalString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import type { Who } from './device-input.js';
import { devicePage } from './device-type.js';

export const listDevices =
  <K extends keyof Deps>(who: Who<K>): Operation<K> =>
  (deps) =>
  async (input) => {
    const user = await who(deps, input);
    const page = devicePage(user, optionalInteger(input, 'Limit', 0, 60), optionalString(input, 'PaginationToken'));
    return page satisfies Wire<ListDevicesResponse & AdminListDevicesResponse>;
  };
