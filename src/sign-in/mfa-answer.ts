// Answers to the MFA challenges, for both surfaces. A wrong code leaves the challenge open (the
// user may try again within the session); a right one ends it. A correct SMS or email code also
// marks that phone number or address verified, as Cognito does after the first such sign-in.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
import type { MfaFactor, User } from '../domain/model.js';
import { saveUserChanges } from '../domain/users.js';
import { poolFactors, userFactors } from '../mfa/factors.js';
import { totpStep } from '../mfa/totp.js';
import type { PendingChallenge } from '../state/sign-in-challenges.js';
import { startFactor } from './mfa.js';
import type { ChallengeName } from '../state/sign-in-challenges.js';
import type { SignInContext, SignInSuccess } from './outcome.js';
import { signedIn } from './sign-in.js';

export type MfaFailure =
  /** Unknown, expired, answered or foreign session, or another user's. */
  | 'invalid-session'
  | 'disabled'
  | 'code-mismatch'
  /** The authenticator code was already used once. */
  | 'code-reused'
  /** SELECT_MFA_TYPE answered with a factor the user cannot use. */
  | 'invalid-choice'
  /** MFA_SETUP answered before the authenticator was verified. */
  | 'setup-incomplete';

export type MfaOutcome = { kind: 'failed'; failure: MfaFailure } | SignInSuccess;

const failed = (failure: MfaFailure): MfaOutcome => ({ kind: 'failed', failure });

interface Pending {
  pending: PendingChallenge;
  user: User;
}

/** The open challenge `session` names, in this pool and client, for `username` when given. */
export function pendingChallenge(
  ctx: SignInContext,
  session: string | undefined,
  challenge: ChallengeName,
  username?: string,
): Pending | MfaFailure {
  const pending = ctx.deps.signInChallenges.get(session);
  if (!pending || pending.challenge !== challenge || pending.userPoolId !== ctx.pool.Id || pending.clientId !== ctx.client.ClientId)
    return 'invalid-session';
  if (username !== undefined && username !== pending.username) return 'invalid-session';
  const user = ctx.deps.store.getUser(ctx.pool.Id, pending.username);
  if (!user) return 'invalid-session';
  if (!user.Enabled) return 'disabled';
  return { pending, user };
}

/**
 * Claims an answered challenge: with replicas, of two answers to one session arriving at once only
 * one goes on, the other is refused like a used session.
 */
export async function claim(ctx: SignInContext, session: string | undefined): Promise<boolean> {
  return session !== undefined && (await ctx.deps.signInChallenges.take(session)) !== undefined;
}

export type CodeChallenge = 'SMS_MFA' | 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA' | 'SMS_OTP';

/**
 * SMS_MFA, EMAIL_OTP or SOFTWARE_TOKEN_MFA answered with a code; also EMAIL_OTP / SMS_OTP as the
 * first factor of USER_AUTH, where a right code also confirms an UNCONFIRMED user ("regardless of
 * whether you configured your user pool to automatically verify").
 */
export async function answerMfaCode(
  ctx: SignInContext,
  session: string | undefined,
  challenge: CodeChallenge,
  code: string,
  username?: string,
): Promise<MfaOutcome> {
  const found = pendingChallenge(ctx, session, challenge, username);
  if (typeof found === 'string') return failed(found);
  let { user } = found;
  const { pending } = found;
  if (challenge === 'SOFTWARE_TOKEN_MFA') {
    const secret = user.SoftwareToken?.Secret;
    const step = secret === undefined ? undefined : totpStep(secret, code, ctx.deps.clock.now());
    if (step === undefined) return failed('code-mismatch');
    if (!ctx.deps.usedTotpSteps.claim(user.UserPoolId, user.Username, step)) return failed('code-reused');
  } else if (pending.code === undefined || code !== pending.code) {
    return failed('code-mismatch');
  }
  if (!(await claim(ctx, session))) return failed('invalid-session');
  if (challenge !== 'SOFTWARE_TOKEN_MFA') {
    user = (await markContactVerified(ctx, user, challenge === 'EMAIL_OTP' ? 'email' : 'phone_number', pending)) ?? user;
  }
  return signedIn(ctx, user);
}

async function markContactVerified(
  ctx: SignInContext,
  user: User,
  attribute: 'email' | 'phone_number',
  pending: PendingChallenge,
): Promise<User | undefined> {
  const { setupEmail } = pending;
  return saveUserChanges(ctx.deps, user, (current) => ({
    ...(pending.firstFactor && current.UserStatus === 'UNCONFIRMED' ? { UserStatus: 'CONFIRMED' as const } : {}),
    Attributes: {
      ...current.Attributes,
      ...(setupEmail !== undefined ? { email: setupEmail } : {}),
      [`${attribute}_verified`]: 'true',
    },
    ...(setupEmail !== undefined ? enableFactor(current, 'EMAIL_OTP') : {}),
  }));
}

/** The user's settings with `factor` turned on (preferred when it is the only one). */
export function enableFactor(user: User, factor: MfaFactor): Pick<User, 'UserMFASettingList' | 'PreferredMfaSetting'> {
  const list = [...new Set([...(user.UserMFASettingList ?? []), factor])];
  return { UserMFASettingList: list, PreferredMfaSetting: user.PreferredMfaSetting ?? factor };
}

/** SELECT_MFA_TYPE: ANSWER names one of MFAS_CAN_CHOOSE; that factor's challenge follows. */
export async function selectMfaType(
  ctx: SignInContext,
  session: string | undefined,
  answer: string,
  username?: string,
): Promise<MfaOutcome> {
  const found = pendingChallenge(ctx, session, 'SELECT_MFA_TYPE', username);
  if (typeof found === 'string') return failed(found);
  // The API model names email EMAIL_MFA here; Amplify sends EMAIL_OTP. Both are taken.
  const factor = answer === 'EMAIL_MFA' ? 'EMAIL_OTP' : answer;
  const allowed = userFactors(ctx.pool, found.user);
  if (!allowed.includes(factor as MfaFactor)) return failed('invalid-choice');
  if (!(await claim(ctx, session))) return failed('invalid-session');
  return startFactor(ctx, found.user, factor as MfaFactor);
}

/**
 * MFA_SETUP: after VerifySoftwareToken with the challenge's session the sign-in completes; an
 * EMAIL answer (pools offering email MFA) sends a code to that address, and EMAIL_OTP follows.
 */
export async function completeMfaSetup(
  ctx: SignInContext,
  session: string | undefined,
  email: string | undefined,
  username?: string,
): Promise<MfaOutcome> {
  const found = pendingChallenge(ctx, session, 'MFA_SETUP', username);
  if (typeof found === 'string') return failed(found);
  if (email === undefined && !found.pending.setupDone) return failed('setup-incomplete');
  // Email is set up only where the pool offers email MFA.
  if (!found.pending.setupDone && !poolFactors(ctx.pool).includes('EMAIL_OTP')) return failed('invalid-choice');
  if (!(await claim(ctx, session))) return failed('invalid-session');
  if (!found.pending.setupDone) return startFactor(ctx, found.user, 'EMAIL_OTP', email);
  return signedIn(ctx, found.user);
}
