// SetUserMFAPreference: the signed-in user (access token) turns MFA factors on or off and picks the
// preferred one (mfa-preference.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html
import type { SetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { setPreference } from './mfa-preference.js';

export const setUserMfaPreference: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user } = await userFromAccessToken(deps, input);
  await setPreference(deps, user, input);
  return {} satisfies Wire<SetUserMFAPreferenceResponse>;
};
