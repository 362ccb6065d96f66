// DeleteGroup also takes the group out of its members' Groups (the store does both at once).
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { groupName, groupOrThrow } from './group-input.js';

export const deleteGroup: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const name = groupName(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    groupOrThrow(store, pool.Id, name);
    await store.deleteGroup(pool.Id, name);
    return {};
  };
