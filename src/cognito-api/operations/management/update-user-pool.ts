// UpdateUserPool: the kept settings are replaced, omitted ones reset to their defaults (API doc).
import type { UpdateUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { mutableSettings, poolName, replaceSettings } from './pool-settings-input.js';

export const updateUserPool: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const name = poolName(input, false);
    const settings = mutableSettings(input, pool);
    await store.putPool({ ...replaceSettings(pool, settings), Name: name ?? pool.Name, LastModifiedDate: clock.now() });
    return {} satisfies Wire<UpdateUserPoolResponse>;
  };
