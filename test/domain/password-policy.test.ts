// Password policy on its own (src/domain/password-policy.ts): Cognito's default and a pool's own,
// with Cognito's InvalidPasswordException messages, checked in Cognito's order.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html
import t from 'tap';
import type { PasswordPolicy } from '../../src/domain/model.js';
import { DEFAULT_PASSWORD_POLICY, passwordPolicyProblem } from '../../src/domain/password-policy.js';

const PREFIX = 'Password did not conform with password policy: ';

t.test('the default policy: 8+ characters with upper, lower, digit and symbol', async (t) => {
  t.equal(passwordPolicyProblem('Passw0rd!'), undefined);
  t.equal(passwordPolicyProblem('Pa0!'), `${PREFIX}Password not long enough`);
  t.equal(passwordPolicyProblem('passw0rd!'), `${PREFIX}Password must have uppercase characters`);
  t.equal(passwordPolicyProblem('PASSW0RD!'), `${PREFIX}Password must have lowercase characters`);
  t.equal(passwordPolicyProblem('Password!'), `${PREFIX}Password must have numeric characters`);
  t.equal(passwordPolicyProblem('Passw0rdX'), `${PREFIX}Password must have symbol characters`);
});

t.test('the first rule broken is the one reported (length, upper, lower, number, symbol)', async (t) => {
  t.equal(passwordPolicyProblem('a'), `${PREFIX}Password not long enough`);
  t.equal(passwordPolicyProblem('12345678'), `${PREFIX}Password must have uppercase characters`);
  t.equal(passwordPolicyProblem('ABCDEFGH'), `${PREFIX}Password must have lowercase characters`);
});

t.test("each of Cognito's symbols counts, space included; letters of other scripts do not", async (t) => {
  for (const symbol of '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ') {
    t.equal(passwordPolicyProblem(`Passw0rd${symbol}`), undefined, JSON.stringify(symbol));
  }
  t.equal(passwordPolicyProblem('Passw0rdé'), `${PREFIX}Password must have symbol characters`);
});

t.test("a pool's own policy turns rules off and sets the length", async (t) => {
  const relaxed: PasswordPolicy = {
    ...DEFAULT_PASSWORD_POLICY,
    MinimumLength: 6,
    RequireUppercase: false,
    RequireNumbers: false,
    RequireSymbols: false,
  };
  t.equal(passwordPolicyProblem('abcdef', relaxed), undefined);
  t.equal(passwordPolicyProblem('abcde', relaxed), `${PREFIX}Password not long enough`);
  t.equal(passwordPolicyProblem('ABCDEF', relaxed), `${PREFIX}Password must have lowercase characters`);
  t.equal(passwordPolicyProblem('Passw0rd!', { ...DEFAULT_PASSWORD_POLICY, MinimumLength: 12 }), `${PREFIX}Password not long enough`);
});
