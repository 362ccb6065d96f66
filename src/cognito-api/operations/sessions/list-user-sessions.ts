// ListUserSessions: the signed-in user's token sessions (session-description-type.ts), the one of
// the calling access token marked IsCurrentSession.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserSessions.html
import type { Operation } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { listed } from './session-description-type.js';

export const listUserSessions: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { pool, user, claims } = await userFromAccessToken(deps, input);
  return listed(deps, pool, user, input, typeof claims.origin_jti === 'string' ? claims.origin_jti : undefined);
};
