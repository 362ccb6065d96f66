// GetUserAuthFactors: the signed-in user's (access token) MFA settings and the first factors
// USER_AUTH would offer them now (auth-factors-type.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAuthFactors.html
import type { Operation } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { authFactors } from './auth-factors-type.js';

export const getUserAuthFactors: Operation<'clock' | 'credentials' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user, pool } = await userFromAccessToken(deps, input);
  return authFactors(deps, pool, user);
};
