// AdminListUserSessions: a user's token sessions, for an administrator (session-description-type.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserSessions.html
import { namedUser } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { listed } from './session-description-type.js';

export const adminListUserSessions: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { pool, user } = namedUser(deps.store, input);
  return listed(deps, pool, user, input);
};
