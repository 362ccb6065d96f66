// Revoking one of a user's token sessions, as RevokeUserSession and AdminRevokeUserSession do: its
// refresh token and the tokens issued from it stop working.
import type { Deps } from '../../../deps.js';
import type { User, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { revokeTokenSession } from '../../../sessions/token-sessions.js';

export async function revoke(deps: Pick<Deps, 'clock' | 'store'>, pool: UserPool, user: User, sessionId: string): Promise<void> {
  if (!(await revokeTokenSession(deps.store, deps.clock, pool.Id, user, sessionId))) {
    throw new CognitoError('ResourceNotFoundException', 'Session not found.');
  }
}
