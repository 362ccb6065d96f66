// UpdateGroup changes only the settings present in the request ("updates any of the properties
// for precedence, IAM role, or description", API reference).
import type { UpdateGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { groupName, groupOrThrow, groupSettings } from './group-input.js';
import { groupType } from './group-type.js';

export const updateGroup: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const name = groupName(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const settings = groupSettings(input);
    const group = { ...groupOrThrow(store, pool.Id, name), ...settings, LastModifiedDate: clock.now() };
    await store.putGroup(group);
    return { Group: groupType(group) } satisfies Wire<UpdateGroupResponse>;
  };
