// ListUsersInGroup: UserType entries (attributes under `Attributes`), Limit 1-60, by username.
import type { ListUsersInGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { userType } from '../../serialize.js';
import { paginate } from '../../pagination.js';
import { groupName, groupOrThrow } from './group-input.js';

export const listUsersInGroup: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const name = groupName(input);
    groupOrThrow(store, pool.Id, name);
    const limit = optionalInteger(input, 'Limit', 1, 60) ?? 60;
    const members = store.listUsers(pool.Id).filter((u) => u.Groups.includes(name));
    const page = paginate(members, (u) => u.Username, limit, optionalString(input, 'NextToken', 131072));
    return {
      Users: page.items.map((u) => userType(u)),
      NextToken: page.nextToken,
    } satisfies Wire<ListUsersInGroupResponse>;
  };
