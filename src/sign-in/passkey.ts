// A passkey as the first factor of choice-based sign-in (USER_AUTH): the WEB_AUTHN challenge with
// CREDENTIAL_REQUEST_OPTIONS, and its answer, an assertion checked against the user's passkey. The
// signature counter is stored after each sign-in, so a cloned authenticator's replay fails. The
// session is claimed (take) once the assertion holds: of two answers to one session, one signs in.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html (passkey)
import type { User } from '../domain/model.js';
import { requestOptions, verifyAssertion } from '../webauthn/assertion.js';
import { signInPasskeys } from '../webauthn/passkeys.js';
import { newChallenge } from '../webauthn/registration.js';
import { relyingPartyOf } from '../webauthn/relying-party.js';
import { pendingChallenge } from './mfa-answer.js';
import type { SignInContext, SignInSuccess } from './outcome.js';
import { signedIn } from './sign-in.js';

export type PasskeyFailure = 'invalid-session' | 'disabled' | 'not-verified';
export type PasskeyOutcome = { kind: 'failed'; failure: PasskeyFailure; why?: string } | SignInSuccess;

/** The WEB_AUTHN challenge (the caller checked the user may use a passkey). */
export function startPasskey(ctx: SignInContext, user: User): SignInSuccess & { kind: 'challenge' } {
  const rp = relyingPartyOf(ctx.pool, ctx.deps.urls);
  if (!rp) throw new Error('startPasskey: the pool has no relying party');
  const challenge = newChallenge();
  const session = ctx.deps.signInChallenges.start(
    {
      challenge: 'WEB_AUTHN',
      userPoolId: ctx.pool.Id,
      clientId: ctx.client.ClientId,
      username: user.Username,
      webAuthnChallenge: challenge,
    },
    ctx.client,
  );
  const parameters = { CREDENTIAL_REQUEST_OPTIONS: requestOptions(rp, challenge, signInPasskeys(ctx.deps, ctx.pool, user)) };
  return { kind: 'challenge', challenge: 'WEB_AUTHN', user, session, parameters };
}

/** The CREDENTIAL answer (AuthenticationResponseJSON as a string). */
export async function answerPasskey(
  ctx: SignInContext,
  session: string | undefined,
  username: string,
  credential: string,
): Promise<PasskeyOutcome> {
  const found = pendingChallenge(ctx, session, 'WEB_AUTHN', username);
  if (typeof found === 'string') return { kind: 'failed', failure: found === 'disabled' ? 'disabled' : 'invalid-session' };
  const { pending, user } = found;
  const rp = relyingPartyOf(ctx.pool, ctx.deps.urls);
  if (!rp || pending.webAuthnChallenge === undefined) return { kind: 'failed', failure: 'invalid-session' };
  const result = await verifyAssertion(credential, pending.webAuthnChallenge, rp, signInPasskeys(ctx.deps, ctx.pool, user));
  if (!result.ok) return { kind: 'failed', failure: 'not-verified', why: result.why };
  if (!(await ctx.deps.signInChallenges.take(session as string))) return { kind: 'failed', failure: 'invalid-session' };
  const stored = ctx.deps.store.getWebAuthnCredentials(ctx.pool.Id, user.Username);
  await ctx.deps.store.putWebAuthnCredentials(
    ctx.pool.Id,
    user.Username,
    stored.map((c) => (c.CredentialId === result.credentialId ? { ...c, SignCount: result.counter } : c)),
  );
  return signedIn(ctx, user);
}
