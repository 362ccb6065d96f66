// ConfirmForgotPassword: the reset code from ForgotPassword / AdminResetUserPassword sets a new
// password (policy-checked) and confirms a RESET_REQUIRED user.
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import type { Operation } from '../../operation.js';
import { codeExpired, codeMismatch, selfServiceCall, selfServiceUser } from './self-service.js';
import { checkPasswordPolicy, saveNewPassword } from './user-records.js';

export const confirmForgotPassword: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  const code = requiredString(input, 'ConfirmationCode', 2048);
  const password = requiredString(input, 'Password', 256);
  const user = selfServiceUser(deps, call);
  if (!user) throw codeMismatch();
  if (!user.Enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  checkPasswordPolicy(password, call.pool);
  const checked = await deps.verificationCodes.check(call.pool.Id, user.Username, 'resetPassword', code);
  if (!checked.ok) throw checked.problem === 'mismatch' ? codeMismatch() : codeExpired();
  await saveNewPassword(deps, user, password, (current) => ({ UserStatus: current.UserStatus === 'RESET_REQUIRED' ? 'CONFIRMED' : current.UserStatus }));
  return {};
};
