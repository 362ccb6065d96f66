// AdminDeleteUser: the record, its password and pending codes go; tokens already issued to the user
// stop working at Cognito at once (verifyToken finds no user).
import { namedUser } from '../../lookup.js';
import type { Operation } from '../../operation.js';

export const adminDeleteUser: Operation<'credentials' | 'store' | 'verificationCodes'> = (deps) => async (input) => {
  const { pool, user } = namedUser(deps.store, input);
  await deps.store.deleteUser(pool.Id, user.Username);
  deps.credentials.forget(user);
  deps.verificationCodes.forget(pool.Id, user.Username);
  return {};
};
