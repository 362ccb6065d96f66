// ListGroups: Limit 1-60 (default 60), ordered by group name.
import type { ListGroupsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { paginate } from '../../pagination.js';
import { groupType } from './group-type.js';

export const listGroups: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const limit = optionalInteger(input, 'Limit', 1, 60) ?? 60;
    const page = paginate(store.listGroups(pool.Id), (g) => g.GroupName, limit, optionalString(input, 'NextToken', 131072));
    return {
      Groups: page.items.map(groupType),
      NextToken: page.nextToken,
    } satisfies Wire<ListGroupsResponse>;
  };
