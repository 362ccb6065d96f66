// DeleteUserPool: the pool and everything in it (clients, servers, groups, users, keys).
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';

export const deleteUserPool: Operation<'credentials' | 'keys' | 'store'> = ({ store, keys, credentials }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  if (pool.DeletionProtection === 'ACTIVE') {
    throw new CognitoError('InvalidParameterException',
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.');
  }
  // Cognito refuses while a domain is attached (observed: terraform-provider-aws#16479).
  if (pool.Domain !== undefined || pool.CustomDomain !== undefined) {
    throw new CognitoError('InvalidParameterException', 'User pool cannot be deleted. It has a domain configured that should be deleted first.');
  }
  for (const user of store.listUsers(pool.Id)) credentials.forget(user);
  await store.deletePool(pool.Id);
  keys.forget(pool.Id);
  return {};
};
