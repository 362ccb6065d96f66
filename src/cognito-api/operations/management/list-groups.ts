// ListGroups: Limit 1-60 (default 60), ordered by group name.
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { paginate } from './common.js';
import { groupType } from './group-input.js';

export const listGroups: Operation<'store'> = ({ store }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const limit = optionalInteger(input, 'Limit', 1, 60) ?? 60;
  const page = paginate(store.listGroups(pool.Id), (g) => g.GroupName, limit, optionalString(input, 'NextToken', 131072));
  return { Groups: page.items.map(groupType), ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}) };
};
