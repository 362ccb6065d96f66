// AdminDisableUser "deactivates a user profile and revokes all access tokens for the user"
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDisableUser.html): sign-in is refused, and every
// token issued so far stays refused even after AdminEnableUser (TokensRevokedAt, as a global sign-out).
import type { AdminDisableUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { saveUser } from '../../../users/user-records.js';

export const adminDisableUser: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { user } = namedUser(deps.store, input);
  if (user.Enabled) await saveUser(deps, user, { Enabled: false, TokensRevokedAt: deps.clock.now() });
  return {} satisfies Wire<AdminDisableUserResponse>;
};
