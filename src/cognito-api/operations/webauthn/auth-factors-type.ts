// A user's sign-in factors as GetUserAuthFactors and AdminGetUserAuthFactors answer them: the MFA
// settings, as GetUser reports them, and ConfiguredUserAuthFactors, the first factors USER_AUTH
// would offer the user now (PASSWORD for both password and SRP).
import type { AdminGetUserAuthFactorsResponse, GetUserAuthFactorsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { User, UserPool } from '../../../domain/model.js';
import { firstFactors } from '../../../sign-in/choice.js';
import type { Wire } from '../../operation.js';
import { mfaSettingFields } from '../users/mfa-settings-type.js';

/** AuthFactorType's order. */
const ORDER = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;

export function authFactors(
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
