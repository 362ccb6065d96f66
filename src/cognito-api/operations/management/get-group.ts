import type { GetGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { groupName, groupOrThrow } from './group-input.js';
import { groupType } from './group-type.js';

export const getGroup: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const name = groupName(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return { Group: groupType(groupOrThrow(store, pool.Id, name)) } satisfies Wire<GetGroupResponse>;
  };
