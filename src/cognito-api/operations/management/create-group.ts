import type { CreateGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { groupName, groupSettings } from './group-input.js';
import { groupType } from './group-type.js';

export const createGroup: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const GroupName = groupName(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const settings = groupSettings(input);
    if (store.getGroup(pool.Id, GroupName)) {
      throw new CognitoError('GroupExistsException', `A group with the name ${GroupName} already exists.`); // wording unconfirmed
    }
    const now = clock.now();
    const group = { UserPoolId: pool.Id, GroupName, ...settings, CreationDate: now, LastModifiedDate: now };
    await store.putGroup(group);
    return { Group: groupType(group) } satisfies Wire<CreateGroupResponse>;
  };
