// Forgotten passwords, for the JSON API (ForgotPassword, ConfirmForgotPassword) and the hosted
// pages (/forgotPassword, /confirmForgotPassword): a reset code (1 h) to the verified contact the
// pool's AccountRecoverySetting names first (without it: the verified phone, else the verified
// email); the code sets a new password (the pool's policy) and confirms a RESET_REQUIRED user.
// Errors are Cognito's.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html
import type { Deps } from '../deps.js';
import type { User, UserPool } from '../domain/model.js';
import { RESET_CODE_TTL_MS } from '../domain/verification-codes.js';
import { CognitoError } from '../errors/cognito-error.js';
import { NO_VERIFIED_CONTACT } from '../cognito-api/operations/users/admin-reset-user-password.js';
import { recordMessage, recoveryContact, selfServiceRecoveryAllowed, type Delivery } from '../cognito-api/operations/users/delivery.js';
import { checkPasswordPolicy, saveNewPassword } from '../cognito-api/operations/users/user-records.js';
import { codeExpired, codeMismatch } from './registration.js';

const userDisabled = () => new CognitoError('NotAuthorizedException', 'User is disabled.');

/** AccountRecoverySetting admin_only: no self-service reset, whoever asks (moto's AWS-checked wording). */
export function checkSelfServiceRecovery(pool: UserPool): void {
  if (!selfServiceRecoveryAllowed(pool)) throw new CognitoError('NotAuthorizedException', 'Contact administrator to reset password.');
}

/** ForgotPassword. Users who never set their own password (FORCE_CHANGE_PASSWORD) cannot reset it. */
export function sendResetCode(deps: Deps, pool: UserPool, user: User): Delivery {
  checkSelfServiceRecovery(pool);
  if (!user.Enabled) throw userDisabled();
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    throw new CognitoError('NotAuthorizedException', 'User password cannot be reset in the current state.');
  }
  const delivery = recoveryContact(pool, user);
  if (!delivery) throw new CognitoError('InvalidParameterException', NO_VERIFIED_CONTACT);
  const code = deps.verificationCodes.issue(user.UserPoolId, user.Username, 'resetPassword', RESET_CODE_TTL_MS, delivery.attribute);
  recordMessage(deps, user, 'ForgotPassword', delivery, { code });
  return delivery;
}

/** ConfirmForgotPassword. */
export async function resetPassword(deps: Deps, pool: UserPool, user: User, code: string, password: string): Promise<User> {
  if (!user.Enabled) throw userDisabled();
  checkPasswordPolicy(password, pool);
  const checked = deps.verificationCodes.check(pool.Id, user.Username, 'resetPassword', code);
  if (!checked.ok) throw checked.problem === 'mismatch' ? codeMismatch() : codeExpired();
  return saveNewPassword(deps, user, password, (current) => ({ UserStatus: current.UserStatus === 'RESET_REQUIRED' ? 'CONFIRMED' : current.UserStatus }));
}
