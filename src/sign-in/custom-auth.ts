// CUSTOM_AUTH: the define / create / verify triggers drive the sign-in (AWS developer guide,
// "Custom authentication challenge Lambda triggers"). Each step answers with a new single-use
// session that lives the client's AuthSessionValidity (src/state/sign-in-challenges.ts). Cognito
// sets no limit of its own on wrong answers: define auth challenge counts `session` and fails the
// authentication (as AWS's samples do after three). A flow may start with SRP (SRP_A, then
// PASSWORD_VERIFIER) before the custom challenges. The hosted pages cannot run custom
// authentication (as Cognito's).
import type { User } from '../domain/model.js';
import { createAuthChallenge, defineAuthChallenge, verifyAuthChallengeResponse, type CustomCaller } from '../triggers/custom-auth.js';
import { unrecognizableOutput } from '../triggers/errors.js';
import type { CustomAuthState } from '../state/sign-in-challenges.js';
import type { SignInContext, SignInFailure } from './outcome.js';
import { beforeProofTriggers, checkBeforeProof, signedIn } from './sign-in.js';

export type CustomFailure = SignInFailure | 'invalid-session';

export type CustomOutcome =
  | { kind: 'failed'; failure: CustomFailure }
  | { kind: 'signed-in'; user: User }
  | { kind: 'custom-challenge'; username: string; session: string; parameters: Record<string, string> }
  /** Define asked for the SRP password proof: the caller issues the PASSWORD_VERIFIER challenge with this session. */
  | { kind: 'password-verifier'; session: string };

const failed = (failure: CustomFailure): CustomOutcome => ({ kind: 'failed', failure });

type Who = { user: User } | { login: string };

const caller = (ctx: SignInContext, who: Who): CustomCaller => ({
  deps: ctx.deps,
  pool: ctx.pool,
  clientId: ctx.client.ClientId,
  who,
  clientMetadata: ctx.metadata?.clientMetadata,
});

/** InitiateAuth CUSTOM_AUTH, with `withSrp` when the client sent SRP_A first. */
export async function startCustomAuth(ctx: SignInContext, user: User | undefined, login: string, withSrp: boolean): Promise<CustomOutcome> {
  if (!user && ctx.client.PreventUserExistenceErrors !== 'ENABLED') return failed('unknown-user');
  if (user) {
    const refused = checkBeforeProof(ctx, user);
    if (refused) return failed(refused);
    await beforeProofTriggers(ctx, user);
  }
  const state: CustomAuthState = {
    session: withSrp ? [{ challengeName: 'SRP_A', challengeResult: true }] : [],
    privateParameters: {},
    challengeMetadata: null,
    userNotFound: !user,
  };
  return nextStep(ctx, user ? { user } : { login }, state);
}

/** Define decides; then tokens, a refusal, a new custom challenge, or (after SRP_A) the password proof. */
async function nextStep(ctx: SignInContext, who: Who, state: CustomAuthState): Promise<CustomOutcome> {
  const c = caller(ctx, who);
  const definition = await defineAuthChallenge(c, state.session);
  if (definition.failAuthentication) return failed('incorrect');
  if (definition.issueTokens) {
    if (!('user' in who)) return failed('incorrect');
    if (who.user.UserStatus === 'RESET_REQUIRED') return failed('reset-required');
    const done = await signedIn(ctx, who.user);
    // MFA would be a challenge here; without it a proven custom sign-in always ends in tokens.
    return done.kind === 'signed-in' ? done : failed('incorrect');
  }
  const username = 'user' in who ? who.user.Username : who.login;
  const pending = { userPoolId: ctx.pool.Id, clientId: ctx.client.ClientId, username };
  const last = state.session[state.session.length - 1];
  if (definition.challengeName === 'PASSWORD_VERIFIER' && last?.challengeName === 'SRP_A' && 'user' in who) {
    return {
      kind: 'password-verifier',
      session: ctx.deps.signInChallenges.start({ ...pending, challenge: 'CUSTOM_SRP', custom: state }, ctx.client),
    };
  }
  if (definition.challengeName !== 'CUSTOM_CHALLENGE') throw unrecognizableOutput();
  const created = await createAuthChallenge(c, 'CUSTOM_CHALLENGE', state.session);
  const next: CustomAuthState = {
    ...state,
    privateParameters: created.privateChallengeParameters,
    challengeMetadata: created.challengeMetadata,
  };
  const session = ctx.deps.signInChallenges.start({ ...pending, challenge: 'CUSTOM_CHALLENGE', custom: next }, ctx.client);
  // The client gets the public parameters plus USERNAME, the real username (as captured from Cognito).
  return { kind: 'custom-challenge', username, session, parameters: { ...created.publicChallengeParameters, USERNAME: username } };
}

async function takePending(
  ctx: SignInContext,
  sessionId: string | undefined,
  challenge: 'CUSTOM_CHALLENGE' | 'CUSTOM_SRP',
  username: string | undefined,
) {
  const pending = ctx.deps.signInChallenges.get(sessionId);
  if (
    !pending?.custom ||
    sessionId === undefined ||
    pending.challenge !== challenge ||
    pending.userPoolId !== ctx.pool.Id ||
    pending.clientId !== ctx.client.ClientId ||
    (username !== undefined && username !== pending.username)
  )
    return undefined;
  // Single use: every answer, right or wrong, gets a new session (and of two at once, one goes on).
  if (!(await ctx.deps.signInChallenges.take(sessionId))) return undefined;
  return pending as typeof pending & { custom: CustomAuthState };
}

/** RespondToAuthChallenge CUSTOM_CHALLENGE: `username` is the real username the caller resolved (or the login). */
export async function answerCustomChallenge(
  ctx: SignInContext,
  sessionId: string | undefined,
  username: string,
  answer: string,
): Promise<CustomOutcome> {
  const pending = await takePending(ctx, sessionId, 'CUSTOM_CHALLENGE', username);
  if (!pending) return failed('invalid-session');
  const state = pending.custom;
  let who: Who = { login: pending.username };
  if (!state.userNotFound) {
    const user = ctx.deps.store.getUser(ctx.pool.Id, pending.username);
    if (!user) return failed('invalid-session');
    if (!user.Enabled) return failed('disabled');
    who = { user };
  }
  const correct = await verifyAuthChallengeResponse(caller(ctx, who), state.privateParameters, answer);
  const session = [
    ...state.session,
    { challengeName: 'CUSTOM_CHALLENGE', challengeResult: correct, challengeMetadata: state.challengeMetadata },
  ];
  return nextStep(ctx, who, { ...state, session, privateParameters: {}, challengeMetadata: null });
}

/**
 * The continuation of a custom authentication after a proven SRP password (sign-in.ts `prove`):
 * undefined when `sessionId` names no such step for this user.
 */
export async function afterCustomSrp(ctx: SignInContext, sessionId: string | undefined, username: string) {
  const pending = await takePending(ctx, sessionId, 'CUSTOM_SRP', username);
  if (!pending) return undefined;
  return (c: SignInContext, user: User): Promise<CustomOutcome> =>
    nextStep(
      c,
      { user },
      { ...pending.custom, session: [...pending.custom.session, { challengeName: 'PASSWORD_VERIFIER', challengeResult: true }] },
    );
}
