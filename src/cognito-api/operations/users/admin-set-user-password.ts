// AdminSetUserPassword: Permanent true → CONFIRMED; false (the default) → a temporary password,
// FORCE_CHANGE_PASSWORD. The password must meet the policy (InvalidPasswordException).
import type { AdminSetUserPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalBoolean, requiredString } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { checkPasswordPolicy, saveNewPassword } from '../../../users/user-records.js';

export const adminSetUserPassword: Operation<'clock' | 'credentials' | 'store' | 'verificationCodes'> = (deps) => async (input) => {
  const { pool, user } = namedUser(deps.store, input);
  const password = requiredString(input, 'Password', 256);
  const permanent = optionalBoolean(input, 'Permanent') ?? false;
  checkPasswordPolicy(password, pool);
  await saveNewPassword(deps, user, password, () => ({ UserStatus: permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD' }));
  // A pending reset code is moot once an administrator has set the password.
  deps.verificationCodes.forget(pool.Id, user.Username, 'resetPassword');
  return {} satisfies Wire<AdminSetUserPasswordResponse>;
};
