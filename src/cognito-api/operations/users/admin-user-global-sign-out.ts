// AdminUserGlobalSignOut: every token issued to the user until now is refused at Cognito
// (userInfo, refresh, the access-token operations); hosted-UI sessions are untouched
// (https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html).
import type { AdminUserGlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

export const adminUserGlobalSignOut: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { user } = namedUser(deps.store, input);
  // A sign-out is not a profile change: UserLastModifiedDate stays.
  await deps.store.putUser({ ...user, TokensRevokedAt: deps.clock.now() });
  return {} satisfies Wire<AdminUserGlobalSignOutResponse>;
};
