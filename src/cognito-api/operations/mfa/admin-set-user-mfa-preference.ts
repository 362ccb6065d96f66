// AdminSetUserMFAPreference: an administrator turns a user's MFA factors on or off and picks the
// preferred one (mfa-preference.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserMFAPreference.html
import type { AdminSetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { setPreference } from './mfa-preference.js';

export const adminSetUserMfaPreference: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { user } = namedUser(deps.store, input);
  await setPreference(deps, user, input);
  return {} satisfies Wire<AdminSetUserMFAPreferenceResponse>;
};
