// AdminListGroupsForUser: Limit 1-60 (default 60), ordered by group name like ListGroups.
import type { AdminListGroupsForUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Group } from '../../../domain/model.js';
import { optionalInteger, optionalString } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { paginate } from '../../pagination.js';
import { groupType } from './group-type.js';

export const adminListGroupsForUser: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const { pool, user } = namedUser(store, input);
    const limit = optionalInteger(input, 'Limit', 1, 60) ?? 60;
    const groups = user.Groups.map((name) => store.getGroup(pool.Id, name)).filter((g): g is Group => g !== undefined);
    const page = paginate(groups, (g) => g.GroupName, limit, optionalString(input, 'NextToken', 131072));
    return {
      Groups: page.items.map(groupType),
      NextToken: page.nextToken,
    } satisfies Wire<AdminListGroupsForUserResponse>;
  };
