// DeleteUser: the signed-in user deletes their own profile; their tokens stop working at once.
import type { Operation } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';

export const deleteUser: Operation<'clock' | 'credentials' | 'keys' | 'store' | 'urls' | 'verificationCodes'> = (deps) => async (input) => {
  const { user } = await userFromAccessToken(deps, input);
  await deps.store.deleteUser(user.UserPoolId, user.Username);
  deps.credentials.forget(user);
  deps.verificationCodes.forget(user.UserPoolId, user.Username);
  return {};
};
