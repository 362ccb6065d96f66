// AdminListUserSessions: a user's token sessions, for an administrator (session-description-type.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserSessions.html
import { requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { listed } from './session-description-type.js';

export const adminListUserSessions: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
  return listed(deps, pool, user, input);
};
