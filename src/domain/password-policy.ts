// Cognito's default password policy (8+ chars with upper, lower, digit and symbol); the messages
// are Cognito's InvalidPasswordException texts.
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export function passwordPolicyProblem(password: string): string | undefined {
  const problem =
    password.length < 8 ? 'Password not long enough'
    : !/[A-Z]/.test(password) ? 'Password must have uppercase characters'
    : !/[a-z]/.test(password) ? 'Password must have lowercase characters'
    : !/[0-9]/.test(password) ? 'Password must have numeric characters'
    : !SYMBOLS.test(password) ? 'Password must have symbol characters'
    : undefined;
  return problem && `Password did not conform with policy: ${problem}`;
}
