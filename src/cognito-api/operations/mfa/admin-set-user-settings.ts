// AdminSetUserSettings: an administrator turns a user's SMS MFA on or off with the legacy
// MFAOptions (mfa-options-input.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserSettings.html
import type { AdminSetUserSettingsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { readSmsOption } from './mfa-options-input.js';
import { setSms } from './sms-mfa.js';

export const adminSetUserSettings: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
  await setSms(deps, user, readSmsOption(input));
  return {} satisfies Wire<AdminSetUserSettingsResponse>;
};
