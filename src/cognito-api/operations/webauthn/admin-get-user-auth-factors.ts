// AdminGetUserAuthFactors: a user's MFA settings and the first factors USER_AUTH would offer them
// now (auth-factors-type.ts), for an administrator.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminGetUserAuthFactors.html
import { requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { authFactors } from './auth-factors-type.js';

export const adminGetUserAuthFactors: Operation<'credentials' | 'store' | 'urls'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  return authFactors(deps, pool, userOrThrow(deps.store, pool, requiredString(input, 'Username', 128)));
};
