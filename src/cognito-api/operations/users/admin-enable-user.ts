// AdminEnableUser: the user may sign in again. Tokens from before AdminDisableUser stay refused:
// disabling revoked them.
import type { AdminEnableUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { saveUser } from '../../../users/user-records.js';

export const adminEnableUser: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { user } = namedUser(deps.store, input);
  if (!user.Enabled) await saveUser(deps, user, { Enabled: true });
  return {} satisfies Wire<AdminEnableUserResponse>;
};
