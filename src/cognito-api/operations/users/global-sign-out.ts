// GlobalSignOut: every token issued to the signed-in user so far is refused at Cognito, the one
// presented included; hosted-UI sessions are untouched (https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html).
import type { GlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';

export const globalSignOut: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user } = await userFromAccessToken(deps, input);
  await deps.store.putUser({ ...user, TokensRevokedAt: deps.clock.now() });
  return {} satisfies Wire<GlobalSignOutResponse>;
};
