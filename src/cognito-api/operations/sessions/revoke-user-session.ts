// RevokeUserSession: the signed-in user revokes one of their token sessions (session-revocation.ts),
// but not the one the calling access token belongs to.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeUserSession.html
import type { RevokeUserSessionResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { activeTokenSessions } from '../../../sessions/token-sessions.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { readRevokeInput } from './revoke-session-input.js';
import { revoke } from './session-revocation.js';

export const revokeUserSession: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { pool, user, claims } = await userFromAccessToken(deps, input);
  const sessionId = readRevokeInput(input);
  const current = activeTokenSessions(deps.store, deps.clock, pool.Id, user).find((s) => s.OriginJti === claims.origin_jti);
  if (current?.SessionId === sessionId) {
    throw new CognitoError('InvalidParameterException', 'The session that the access token belongs to cannot be revoked with it.');
  }
  await revoke(deps, pool, user, sessionId);
  return {} satisfies Wire<RevokeUserSessionResponse>;
};
