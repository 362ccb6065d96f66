// AdminAddUserToGroup: idempotent; membership is the user's Groups list (joined order kept).
import { requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { groupName, groupOrThrow } from './group-input.js';

export const adminAddUserToGroup: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const name = groupName(input);
    const user = userOrThrow(store, pool, requiredString(input, 'Username', 128));
    groupOrThrow(store, pool.Id, name);
    if (!user.Groups.includes(name)) await store.putUser({ ...user, Groups: [...user.Groups, name] });
    return {};
  };
