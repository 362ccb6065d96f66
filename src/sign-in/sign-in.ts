// The sign-in rules, once for every surface: which checks run, in which order, what a wrong
// password costs (lockout), and what a proven one leads to. Cognito's observed order:
//   unknown user → lockout → disabled → unconfirmed (whatever the password) → the proof →
//   reset required (only after a correct password) → challenges (new password, then MFA: mfa.ts)
//   → signed in.
// An unconfirmed user hears so even with a wrong password, a RESET_REQUIRED user only with the
// right one. The unconfirmed case is reported since 2017 and called intended by AWS staff:
// https://github.com/amazon-archives/amazon-cognito-identity-js/issues/288,
// https://github.com/aws-amplify/amplify-js/issues/11209, https://github.com/aws/aws-sdk-js/issues/4608.
//
// Sign-in Lambda triggers run at the named steps below: UserMigration when the user is unknown
// (password sign-in only: the function needs the password), PreAuthentication before the proof,
// PostAuthentication in `signedIn`. Custom challenges (CUSTOM_AUTH) are custom-auth.ts.
import type { User } from '../domain/model.js';
import { assessSignIn } from '../threat-protection/assess.js';
import { passed, pendingSignIn, recordAuthEvent, updateAuthEvent } from '../threat-protection/auth-events.js';
import { postAuthentication, preAuthentication } from '../triggers/sign-in.js';
import { migrateUser } from './migration.js';
import { secondFactor } from './mfa.js';
import type { Proof, SignInContext, SignInFailure, SignInOutcome, SignInSuccess } from './outcome.js';

const failed = (failure: SignInFailure): SignInOutcome => ({ kind: 'failed', failure });

/**
 * One attempt to sign in as `user` (undefined: nobody has that login) with `proof`.
 * The caller finds the user (findSignInUser) so it can check what it must before revealing
 * whether the user exists (the JSON API's SECRET_HASH).
 */
export async function signIn(ctx: SignInContext, user: User | undefined, proof: Proof): Promise<SignInOutcome> {
  if (!user && proof.kind === 'password' && proof.login !== undefined) {
    // The migrate-user function checked the password against the old user store.
    const migrated = await migrateUser(ctx, proof.login, proof.password, 'UserMigration_Authentication');
    if (migrated) {
      await preAuthentication(triggerCaller(ctx), { user: migrated });
      return migrated.UserStatus === 'RESET_REQUIRED' ? failed('reset-required') : afterProof(ctx, migrated);
    }
  }
  if (!user) return unknownUserTriggered(ctx, proof.kind === 'password' ? proof.login : undefined);
  return prove(ctx, user, proof, afterProof);
}

/**
 * The checks before the proof, the proof and its lockout accounting, then `then`. A custom
 * authentication that starts with SRP continues with its own `then` (custom-auth.ts).
 */
export async function prove<T>(
  ctx: SignInContext,
  user: User,
  proof: Proof,
  then: (ctx: SignInContext, user: User) => Promise<T>,
): Promise<T | { kind: 'failed'; failure: SignInFailure }> {
  const refused = checkBeforeProof(ctx, user);
  if (refused) return { kind: 'failed', failure: refused };
  // SRP ran it when the flow started (beforeProofTriggers).
  if (proof.kind !== 'srp') await beforeProofTriggers(ctx, user);
  if (!(await proofHolds(ctx, user, proof))) {
    ctx.deps.lockout.recordFailure(user);
    await signInEvent(ctx, user, 'Fail', 'Failure');
    return { kind: 'failed', failure: 'incorrect' };
  }
  ctx.deps.lockout.recordSuccess(user);
  const risk = await assessSignIn(ctx, user, proof.kind === 'password' ? proof.password : undefined);
  if (risk?.verdict === 'block') {
    await signInEvent({ ...ctx, risk }, user, 'Fail', 'Success');
    return { kind: 'failed', failure: 'blocked' };
  }
  const assessed = risk ? { ...ctx, risk } : ctx;
  const result = await then(assessed, user);
  // The outcome's own event: signedIn() records a Pass; a challenge leaves the sign-in InProgress.
  const kind = (result as { kind?: string; challenge?: string }).kind;
  if (kind === 'challenge') await signInEvent(assessed, user, 'InProgress', 'Success', (result as { challenge: string }).challenge);
  if (kind === 'failed') await signInEvent(assessed, user, 'Fail', 'Success');
  return result;
}

/** A sign-in's auth event (when the pool's threat protection is on), with the password step's result. */
function signInEvent(
  ctx: SignInContext,
  user: User,
  response: 'Pass' | 'Fail' | 'InProgress',
  password: 'Success' | 'Failure',
  challenge?: string,
) {
  return recordAuthEvent(ctx.deps, ctx.pool, user, {
    EventType: 'SignIn',
    EventResponse: response,
    ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: password }],
    IpAddress: ctx.sourceIp,
    ClientId: ctx.client.ClientId,
    ...(ctx.risk ? { EventRisk: ctx.risk.risk, EventId: ctx.risk.eventId } : {}),
    ...(challenge !== undefined ? { Challenge: challenge } : {}),
  });
}

export const triggerCaller = (ctx: SignInContext) => ({
  deps: ctx.deps,
  pool: ctx.pool,
  clientId: ctx.client.ClientId,
  metadata: ctx.metadata,
});

/** PreAuthentication: throws (Cognito's UserLambdaValidationException) when the function refuses. */
export function beforeProofTriggers(ctx: SignInContext, user: User): Promise<void> {
  return preAuthentication(triggerCaller(ctx), { user });
}

/** An unknown login; with existence errors hidden PreAuthentication still runs, told userNotFound. */
export async function unknownUserTriggered(ctx: SignInContext, login: string | undefined): Promise<SignInOutcome> {
  if (ctx.client.PreventUserExistenceErrors === 'ENABLED' && login !== undefined) await preAuthentication(triggerCaller(ctx), { login });
  return unknownUser(ctx);
}

/**
 * Unknown login. LEGACY clients reveal it, ENABLED ones answer as for a wrong password.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
 */
export function unknownUser(ctx: SignInContext): SignInOutcome {
  return failed(ctx.client.PreventUserExistenceErrors === 'ENABLED' ? 'incorrect' : 'unknown-user');
}

/**
 * What refuses a user before any proof is looked at. Also run by multi-step flows (SRP) when they
 * start, so that a refused user gets no challenge.
 */
export function checkBeforeProof(ctx: SignInContext, user: User): SignInFailure | undefined {
  if (ctx.deps.lockout.isLocked(user)) return 'locked';
  if (!user.Enabled) return 'disabled';
  if (user.UserStatus === 'UNCONFIRMED') return 'unconfirmed';
  return undefined;
}

async function proofHolds(ctx: SignInContext, user: User, proof: Proof): Promise<boolean> {
  switch (proof.kind) {
    case 'password':
      return ctx.deps.credentials.verify(user, proof.password);
    case 'srp':
      return proof.verify(user);
    case 'sign-up-code':
      return true;
  }
}

/** The password is proven: what still stands between the user and tokens. */
export async function afterProof(ctx: SignInContext, user: User): Promise<SignInOutcome> {
  if (user.UserStatus === 'RESET_REQUIRED') return failed('reset-required');
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    const session = ctx.deps.signInChallenges.start(
      {
        challenge: 'NEW_PASSWORD_REQUIRED',
        userPoolId: ctx.pool.Id,
        clientId: ctx.client.ClientId,
        username: user.Username,
      },
      ctx.client,
    );
    return { kind: 'challenge', challenge: 'NEW_PASSWORD_REQUIRED', user, session };
  }
  return secondFactor(ctx, user);
}

/** Every path that ends in tokens goes through here, MFA done; PostAuthentication may still refuse. */
export async function signedIn(ctx: SignInContext, user: User): Promise<SignInSuccess> {
  await postAuthentication(triggerCaller(ctx), user);
  const eventId = await passedSignIn(ctx, user);
  return { kind: 'signed-in', user, ...(eventId !== undefined ? { eventId } : {}) };
}

/**
 * The auth event of a sign-in that ends in tokens: the one waiting for its challenge becomes Pass,
 * else a new one (Password Success when this request proved the password). Its id, for the tokens.
 */
async function passedSignIn(ctx: SignInContext, user: User): Promise<string | undefined> {
  const pending = ctx.risk ? undefined : pendingSignIn(ctx.deps, ctx.pool, user, ctx.client.ClientId);
  if (pending) {
    await updateAuthEvent(ctx.deps, ctx.pool.Id, user, pending.EventId, passed);
    return pending.EventId;
  }
  return ctx.risk
    ? signInEvent(ctx, user, 'Pass', 'Success')
    : recordAuthEvent(ctx.deps, ctx.pool, user, {
        EventType: 'SignIn',
        EventResponse: 'Pass',
        IpAddress: ctx.sourceIp,
        ClientId: ctx.client.ClientId,
      });
}
