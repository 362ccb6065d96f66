// The Session of SignUp and ConfirmSignUp that lets a new user in at once with USER_AUTH: "A
// session Id that you can pass to ConfirmSignUp when you want to immediately sign in your user
// with the USER_AUTH flow". Given to clients that allow USER_AUTH; it lives the client's
// AuthSessionValidity, and ConfirmSignUp trades it for the one InitiateAuth takes.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
import type { Deps } from '../../../deps.js';
import type { AppClient, User, UserPool } from '../../../domain/model.js';

/** Pools whose first factors include a one-time code take sign-ups without a password. */
export const offersPasswordless = (pool: UserPool): boolean =>
  (pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).some((f) => f === 'EMAIL_OTP' || f === 'SMS_OTP');

export function signUpSession(deps: Pick<Deps, 'signInChallenges'>, pool: UserPool, client: AppClient, user: User): string | undefined {
  if (!client.ExplicitAuthFlows.includes('ALLOW_USER_AUTH')) return undefined;
  return deps.signInChallenges.start(
    { challenge: 'SIGN_UP', userPoolId: pool.Id, clientId: client.ClientId, username: user.Username },
    client,
  );
}

/**
 * ConfirmSignUp: the Session for InitiateAuth USER_AUTH. SignUp's Session, when sent, is spent;
 * clients need not send it (Amplify's confirmSignUp does not, and signs in with what comes back).
 */
export async function confirmedSession(
  deps: Pick<Deps, 'signInChallenges'>,
  client: AppClient,
  user: User,
  session: string | undefined,
): Promise<string | undefined> {
  const pending = deps.signInChallenges.get(session);
  if (pending?.challenge === 'SIGN_UP' && pending.username === user.Username) await deps.signInChallenges.take(session as string);
  if (!client.ExplicitAuthFlows.includes('ALLOW_USER_AUTH')) return undefined;
  return deps.signInChallenges.start(
    { challenge: 'AUTO_SIGN_IN', userPoolId: user.UserPoolId, clientId: client.ClientId, username: user.Username },
    client,
  );
}
