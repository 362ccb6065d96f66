// GetUserAuthFactors (access token) / AdminGetUserAuthFactors: the user's MFA settings, as GetUser
// reports them, and ConfiguredUserAuthFactors, the first factors USER_AUTH would offer the user now
// (PASSWORD for both password and SRP).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAuthFactors.html
import type { AdminGetUserAuthFactorsResponse, GetUserAuthFactorsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { User, UserPool } from '../../../domain/model.js';
import { mfaSettingFields } from '../users/mfa-settings-type.js';
import { firstFactors } from '../../../sign-in/choice.js';
import { requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';

/** AuthFactorType's order. */
const ORDER = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;

function authFactors(
  deps: Pick<Deps, 'credentials' | 'store' | 'urls'>,
  pool: UserPool,
  user: User,
): Wire<AdminGetUserAuthFactorsResponse & GetUserAuthFactorsResponse> {
  const available = new Set<string>(firstFactors(deps, pool, user));
  const { PreferredMfaSetting, UserMFASettingList } = mfaSettingFields(user);
  return {
    Username: user.Username,
    PreferredMfaSetting,
    UserMFASettingList,
    ConfiguredUserAuthFactors: ORDER.filter((f) => available.has(f)),
  };
}

export const getUserAuthFactors: Operation<'clock' | 'credentials' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user, pool } = await userFromAccessToken(deps, input);
  return authFactors(deps, pool, user);
};

export const adminGetUserAuthFactors: Operation<'credentials' | 'store' | 'urls'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  return authFactors(deps, pool, userOrThrow(deps.store, pool, requiredString(input, 'Username', 128)));
};
