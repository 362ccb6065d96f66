// The second factor, after the first one is proven. Cognito's decision, in order:
//   pool MFA OFF → tokens;
//   the user has factors on: the preferred one, or the only one, or SELECT_MFA_TYPE to choose;
//   none on: OPTIONAL → tokens; ON → SMS to the user's phone number when the pool sends SMS,
//   else MFA_SETUP listing the factors the pool offers.
// A remembered device skips all of this (device-auth.ts). SMS and email codes live in the challenge
// for the session's lifetime ("the code is valid for the same duration" as AuthSessionValidity).
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
import { randomInt } from 'node:crypto';
import { contactDelivery, maskDestination } from '../users/delivery.js';
import { sendMessage } from '../users/send-message.js';
import type { MfaFactor, User } from '../domain/model.js';
import { poolFactors, userFactors } from '../mfa/factors.js';
import { deviceChallenge } from './device-auth.js';
import type { DeviceChallenge, FirstFactorChallenge, MfaChallenge, PendingChallenge } from '../state/sign-in-challenges.js';
import type { SignInContext, SignInSuccess } from './outcome.js';
import { signedIn } from './sign-in.js';

/** Where a proven first factor leads: tokens, or an MFA challenge. */
export async function secondFactor(ctx: SignInContext, user: User): Promise<SignInSuccess> {
  const device = deviceChallenge(ctx, user);
  if (device) return device;
  // Threat protection may require MFA of a risky sign-in whatever the pool says (assess.ts: only
  // for a user with a factor, so OPTIONAL's "no factor → tokens" never lets it through).
  const mode = ctx.risk?.verdict === 'mfa' ? 'OPTIONAL' : (ctx.pool.MfaConfiguration ?? 'OFF');
  if (mode === 'OFF') return signedIn(ctx, user);
  const factors = userFactors(ctx.pool, user);
  if (factors.length === 0) {
    if (mode === 'OPTIONAL') return signedIn(ctx, user);
    const offered = poolFactors(ctx.pool);
    if (offered.includes('SMS_MFA') && user.Attributes.phone_number) return startFactor(ctx, user, 'SMS_MFA');
    return mfaChallenge(ctx, user, 'MFA_SETUP', { MFAS_CAN_SETUP: JSON.stringify(offered) });
  }
  const preferred = user.PreferredMfaSetting;
  const chosen = preferred !== undefined && factors.includes(preferred) ? preferred : factors.length === 1 ? factors[0] : undefined;
  if (chosen === undefined) return mfaChallenge(ctx, user, 'SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: JSON.stringify(factors) });
  return startFactor(ctx, user, chosen);
}

/**
 * The challenge for one factor; SMS and email send their code now. `to` overrides the address
 * (MFA_SETUP with a new email address, whose code proves it).
 */
export async function startFactor(ctx: SignInContext, user: User, factor: MfaFactor, to?: string): Promise<SignInSuccess> {
  if (factor === 'SOFTWARE_TOKEN_MFA') {
    return mfaChallenge(ctx, user, factor, { FRIENDLY_DEVICE_NAME: user.SoftwareToken?.FriendlyDeviceName ?? 'TOTP device' });
  }
  const { code, parameters } = await sendSignInCode(ctx, user, factor === 'SMS_MFA' ? 'phone_number' : 'email', to);
  return mfaChallenge(ctx, user, factor, parameters, { code, ...(to !== undefined ? { setupEmail: to } : {}) });
}

/** A 6-digit sign-in code to the user's phone or email, recorded like every message; Cognito's delivery parameters. */
export async function sendSignInCode(
  ctx: SignInContext,
  user: User,
  attribute: 'phone_number' | 'email',
  to?: string,
): Promise<{ code: string; parameters: Record<string, string> }> {
  const code = String(randomInt(1_000_000)).padStart(6, '0');
  const delivery = contactDelivery(attribute, to ?? user.Attributes[attribute] ?? '');
  await sendMessage(ctx.deps, {
    pool: ctx.pool,
    clientId: ctx.client.ClientId,
    user,
    kind: 'Authentication',
    source: 'Authentication',
    delivery,
    secret: { code },
    clientMetadata: ctx.metadata?.clientMetadata,
  });
  return { code, parameters: { CODE_DELIVERY_DELIVERY_MEDIUM: delivery.medium, CODE_DELIVERY_DESTINATION: maskDestination(delivery) } };
}

export function mfaChallenge(
  ctx: SignInContext,
  user: User,
  challenge: MfaChallenge | FirstFactorChallenge | DeviceChallenge,
  parameters: Record<string, string>,
  state: Partial<PendingChallenge> = {},
): SignInSuccess {
  const session = ctx.deps.signInChallenges.start(
    {
      challenge,
      userPoolId: ctx.pool.Id,
      clientId: ctx.client.ClientId,
      username: user.Username,
      ...state,
    },
    ctx.client,
  );
  return { kind: 'challenge', challenge, user, session, parameters: { ...parameters, USER_ID_FOR_SRP: user.Username } };
}
