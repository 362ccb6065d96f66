// Answering NEW_PASSWORD_REQUIRED, for both surfaces: the pending challenge must be this pool's,
// this client's and this user's; the password must meet the pool's policy; then the password is
// hashed and saved, the user becomes CONFIRMED, the challenge ends and the sign-in continues (MFA).
// A refused password leaves the challenge open, so the user can try another one.
import type { User } from '../domain/model.js';
import { passwordPolicyProblem } from '../domain/password-policy.js';
import { savePassword } from '../domain/users.js';
import type { NewPasswordFailure, NewPasswordOutcome, SignInContext } from './outcome.js';
import { secondFactor } from './mfa.js';

export interface NewPasswordAnswer {
  /** The session naming the pending challenge (API `Session`, hosted page hidden field). */
  session: string | undefined;
  /** The real username the caller answered for (the API's USERNAME, resolved); must be the challenge's. */
  username?: string;
  password: string;
  /**
   * Attribute values sent with the answer, checked by the caller (may throw) once the password
   * passed the policy; merged into the user's attributes in the same write.
   */
  attributes?: (user: User) => Record<string, string>;
}

const failed = (failure: NewPasswordFailure): NewPasswordOutcome => ({ kind: 'failed', failure });

export async function completeNewPassword(ctx: SignInContext, answer: NewPasswordAnswer): Promise<NewPasswordOutcome> {
  const { deps, pool, client } = ctx;
  const pending = deps.signInChallenges.get(answer.session);
  if (
    !pending ||
    answer.session === undefined ||
    pending.challenge !== 'NEW_PASSWORD_REQUIRED' ||
    pending.userPoolId !== pool.Id ||
    pending.clientId !== client.ClientId
  )
    return failed('invalid-session');
  if (answer.username !== undefined && answer.username !== pending.username) return failed('invalid-session');
  const user = deps.store.getUser(pool.Id, pending.username);
  if (user?.UserStatus !== 'FORCE_CHANGE_PASSWORD') return failed('invalid-session');
  if (!user.Enabled) return failed('disabled');
  const problem = passwordPolicyProblem(answer.password, pool.Policies?.PasswordPolicy);
  if (problem) return { kind: 'invalid-password', message: problem };
  const attributes = answer.attributes?.(user) ?? {};
  // Ended before the password is saved: of two answers at once (on any replicas), one goes on.
  if (!(await deps.signInChallenges.take(answer.session))) return failed('invalid-session');
  const updated = await savePassword(deps, user, answer.password, (current) => ({
    Attributes: { ...current.Attributes, ...attributes },
    UserStatus: 'CONFIRMED',
  }));
  if (!updated) return failed('user-gone');
  return secondFactor(ctx, updated);
}
