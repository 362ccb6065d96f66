// A pool's password policy (Cognito's default when the pool has none: 8+ characters with upper,
// lower, digit and symbol); the messages are Cognito's InvalidPasswordException texts.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html
import type { PasswordPolicy } from './model.js';

const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

export function passwordPolicyProblem(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | undefined {
  const problem =
    password.length < policy.MinimumLength
      ? 'Password not long enough'
      : policy.RequireUppercase && !/[A-Z]/.test(password)
        ? 'Password must have uppercase characters'
        : policy.RequireLowercase && !/[a-z]/.test(password)
          ? 'Password must have lowercase characters'
          : policy.RequireNumbers && !/[0-9]/.test(password)
            ? 'Password must have numeric characters'
            : policy.RequireSymbols && !SYMBOLS.test(password)
              ? 'Password must have symbol characters'
              : undefined;
  return problem && `Password did not conform with password policy: ${problem}`;
}
