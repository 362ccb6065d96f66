// DeleteUserPool: the pool and everything in it (clients, servers, groups, users, keys, and what the
// pool record keeps: terms, branding styles, risk and UI settings, import jobs; cascade.ts for the rest).
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { forgetPoolState } from './cascade.js';

export const deleteUserPool: Operation<
  | 'authorizationCodes'
  | 'credentials'
  | 'federations'
  | 'keys'
  | 'lockout'
  | 'sessions'
  | 'signInChallenges'
  | 'store'
  | 'verificationCodes'
> = (deps) => async (input) => {
  const { store, keys } = deps;
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  if (pool.DeletionProtection === 'ACTIVE') {
    throw new CognitoError(
      'InvalidParameterException',
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    );
  }
  // Cognito refuses while a domain is attached (observed: terraform-provider-aws#16479).
  if (pool.Domain !== undefined || pool.CustomDomain !== undefined) {
    throw new CognitoError(
      'InvalidParameterException',
      'User pool cannot be deleted. It has a domain configured that should be deleted first.',
    );
  }
  await forgetPoolState(deps, pool);
  await store.deletePool(pool.Id);
  keys.forget(pool.Id);
  return {};
};
