// SetUserSettings: the signed-in user (access token) turns SMS MFA on or off with the legacy
// MFAOptions (mfa-options-input.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserSettings.html
import type { SetUserSettingsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { readSmsOption } from './mfa-options-input.js';
import { setSms } from './sms-mfa.js';

export const setUserSettings: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user } = await userFromAccessToken(deps, input);
  await setSms(deps, user, readSmsOption(input));
  return {} satisfies Wire<SetUserSettingsResponse>;
};
