// ChangePassword: the signed-in user proves the current password and sets a new one meeting the
// policy. Tokens stay valid (Cognito does not sign the user out).
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import type { Operation } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';
import { checkPasswordPolicy, saveNewPassword } from '../../../users/user-records.js';

export const changePassword: Operation = (deps) => async (input) => {
  const { user, pool } = await userFromAccessToken(deps, input);
  // Optional in the API only for passwordless users, which the emulator does not have.
  const previous = requiredString(input, 'PreviousPassword', 256);
  const proposed = requiredString(input, 'ProposedPassword', 256);
  if (!(await deps.credentials.verify(user, previous))) {
    throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
  }
  checkPasswordPolicy(proposed, pool);
  await saveNewPassword(deps, user, proposed);
  return {};
};
