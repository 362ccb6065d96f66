// AdminSetUserSettings: an administrator turns a user's SMS MFA on or off with the legacy
// MFAOptions (mfa-options-input.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserSettings.html
import type { AdminSetUserSettingsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { readSmsOption } from './mfa-options-input.js';
import { setSms } from './sms-mfa.js';

export const adminSetUserSettings: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { user } = namedUser(deps.store, input);
  await setSms(deps, user, readSmsOption(input));
  return {} satisfies Wire<AdminSetUserSettingsResponse>;
};
