// Choice-based sign-in (AuthFlow USER_AUTH): which first factors a user may use, the
// SELECT_CHALLENGE that lists them, and a one-time code by email or SMS as the first factor.
// "Passwordless authentication flows aren't compatible with required multi-factor authentication
// (MFA) in your user pool. If MFA is optional in your user pool, users who have activated MFA can't
// sign in with a passwordless first factor."
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
import type { Deps } from '../deps.js';
import type { User, UserPool } from '../domain/model.js';
import { userFactors } from '../mfa/factors.js';
import { signInPasskeys } from '../webauthn/passkeys.js';
import { mfaChallenge, sendSignInCode } from './mfa.js';
import type { SignInContext, SignInSuccess } from './outcome.js';

export type FirstFactor = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** The first factors open to `user` (undefined: nobody has that login, hidden from the caller). */
export function availableChallenges(ctx: SignInContext, user: User | undefined): FirstFactor[] {
  return firstFactors(ctx.deps, ctx.pool, user);
}

/** As availableChallenges, outside a sign-in (GetUserAuthFactors). A passkey counts as passwordless. */
export function firstFactors(deps: Pick<Deps, 'credentials' | 'store' | 'urls'>, pool: UserPool, user: User | undefined): FirstFactor[] {
  const allowed = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
  const out: FirstFactor[] = [];
  const passwordless = user !== undefined && passwordlessAllowed(pool, user);
  if (user && passwordless) {
    if (allowed.includes('EMAIL_OTP') && user.Attributes.email) out.push('EMAIL_OTP');
    if (allowed.includes('SMS_OTP') && user.Attributes.phone_number) out.push('SMS_OTP');
  }
  // "The PASSWORD value in AllowedFirstAuthFactors includes both the plain-password and SRP" options.
  if (allowed.includes('PASSWORD') && (!user || deps.credentials.hasPassword(user))) out.push('PASSWORD', 'PASSWORD_SRP');
  if (user && passwordless && allowed.includes('WEB_AUTHN') && signInPasskeys(deps, pool, user).length > 0) out.push('WEB_AUTHN');
  return out;
}

function passwordlessAllowed(pool: UserPool, user: User): boolean {
  const mode = pool.MfaConfiguration ?? 'OFF';
  if (mode === 'ON') return false;
  return mode === 'OFF' || userFactors(pool, user).length === 0;
}

/** SELECT_CHALLENGE: the session remembers what was offered. */
export function selectChallenge(
  ctx: SignInContext,
  username: string,
  user: User | undefined,
  available: FirstFactor[],
): SignInSuccess & { kind: 'challenge' } {
  const session = ctx.deps.signInChallenges.start(
    {
      challenge: 'SELECT_CHALLENGE',
      userPoolId: ctx.pool.Id,
      clientId: ctx.client.ClientId,
      username,
      available,
    },
    ctx.client,
  );
  // A decoy user for a hidden unknown login: it never signs in (the password check fails).
  const shown = user ?? {
    UserPoolId: ctx.pool.Id,
    Username: username,
    Attributes: {},
    UserStatus: 'CONFIRMED',
    Enabled: true,
    Groups: [],
    UserCreateDate: 0,
    UserLastModifiedDate: 0,
  };
  return { kind: 'challenge', challenge: 'SELECT_CHALLENGE', user: shown, session, available };
}

/** A one-time code by email or SMS as the first factor: EMAIL_OTP / SMS_OTP. */
export async function startOneTimeCode(ctx: SignInContext, user: User, factor: 'EMAIL_OTP' | 'SMS_OTP'): Promise<SignInSuccess> {
  const { code, parameters } = await sendSignInCode(ctx, user, factor === 'EMAIL_OTP' ? 'email' : 'phone_number');
  return mfaChallenge(ctx, user, factor, parameters, { code, firstFactor: true });
}
