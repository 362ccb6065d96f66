// AdminDeleteUser: the record, its password and pending codes go; tokens already issued to the user
// stop working at Cognito at once (verifyToken finds no user).
import { requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';

export const adminDeleteUser: Operation<'credentials' | 'store' | 'verificationCodes'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
  await deps.store.deleteUser(pool.Id, user.Username);
  deps.credentials.forget(user);
  deps.verificationCodes.forget(pool.Id, user.Username);
  return {};
};
