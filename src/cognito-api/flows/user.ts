// The JSON API's side of a sign-in, shared by the password, SRP and new-password steps: who is
// signing in (by username or alias) and what the sign-in core's outcome becomes on the wire
// (tokens, a challenge with its Session, or a CognitoError). The rules live in src/sign-in/.
import { newDevice, tracksDevices } from '../../devices/devices.js';
import type { User } from '../../domain/model.js';
import { findSignInUser } from '../../domain/users.js';
import type { SignInOutcome, SignInSuccess } from '../../sign-in/outcome.js';
import type { TokenSet } from '../../tokens/token-issuer.js';
import { userTokenOverrides, type TokenSource } from '../../triggers/pre-token.js';
import type { AuthContext, AuthOutput } from './toolkit.js';
import { signInError } from '../sign-in-errors.js';

/**
 * Tokens from the JSON API carry exactly this scope
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html).
 */
const API_SCOPE = 'aws.cognito.signin.user.admin';

/** By username, or by email / phone alias in pools that sign users in with those. */
export function signInUser(ctx: AuthContext, login: string): User | undefined {
  return findSignInUser(ctx.deps.store, ctx.pool, login);
}

/** The wire form of a sign-in outcome: throws for a refusal. */
export async function signInOutput(ctx: AuthContext, outcome: SignInOutcome): Promise<AuthOutput> {
  if (outcome.kind === 'failed') throw signInError(outcome.failure);
  return successOutput(ctx, outcome);
}

export async function successOutput(
  ctx: AuthContext,
  outcome: SignInSuccess,
  source: TokenSource = 'TokenGeneration_Authentication',
): Promise<AuthOutput> {
  if (outcome.kind === 'signed-in') {
    // Pools that track devices give every sign-in not made by a tracked device a new device key;
    // the access token names the device either way (its device_key claim).
    const issued = { eventId: outcome.eventId, deviceKey: outcome.deviceKey };
    if (!tracksDevices(ctx.pool) || outcome.deviceKey !== undefined) return authenticationResult(ctx, outcome.user, source, issued);
    const NewDeviceMetadata = await newDevice(ctx.deps, outcome.user);
    const result = await authenticationResult(ctx, outcome.user, source, { ...issued, deviceKey: NewDeviceMetadata.DeviceKey });
    return { ...result, AuthenticationResult: { ...result.AuthenticationResult, NewDeviceMetadata } };
  }
  if (outcome.challenge === 'NEW_PASSWORD_REQUIRED') return newPasswordChallenge(outcome.user, outcome.session);
  if (outcome.challenge === 'SELECT_CHALLENGE') {
    return {
      AvailableChallenges: outcome.available ?? [],
      ChallengeName: 'SELECT_CHALLENGE',
      ChallengeParameters: {},
      Session: outcome.session,
    };
  }
  return { ChallengeName: outcome.challenge, ChallengeParameters: outcome.parameters ?? {}, Session: outcome.session };
}

/**
 * NEW_PASSWORD_REQUIRED with a Session. requiredAttributes / userAttributes are JSON strings;
 * userAttributes holds every attribute but sub (Cognito's exact set is unconfirmed; README).
 */
function newPasswordChallenge(user: User, session: string): AuthOutput {
  const attributes = Object.fromEntries(Object.entries(user.Attributes).filter(([name]) => name !== 'sub'));
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ChallengeParameters: { USER_ID_FOR_SRP: user.Username, requiredAttributes: '[]', userAttributes: JSON.stringify(attributes) },
    Session: session,
  };
}

/** Tokens, after the pre token generation trigger (which gets RespondToAuthChallenge's ClientMetadata only). */
export async function authenticationResult(
  ctx: AuthContext,
  user: User,
  source: TokenSource = 'TokenGeneration_Authentication',
  issued: { deviceKey?: string | undefined; eventId?: string | undefined } = {},
): Promise<AuthOutput> {
  const overrides = await userTokenOverrides(ctx.deps, ctx.client, user, [API_SCOPE], {
    source,
    clientMetadata: ctx.metadata?.clientMetadata,
  });
  const { deviceKey, eventId } = issued;
  const tokens = await ctx.deps.tokens.userTokens({
    client: ctx.client,
    user,
    scopes: [API_SCOPE],
    channel: 'api',
    withRefreshToken: true,
    overrides,
    deviceKey,
    ...(eventId !== undefined ? { eventId } : {}),
    ...(ctx.sourceIp !== undefined ? { sourceIp: ctx.sourceIp } : {}),
  });
  return tokensOutput(tokens);
}

/**
 * Keys in alphabetical order, then the empty ChallengeParameters, as captured
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
 */
export function tokensOutput(tokens: TokenSet): AuthOutput {
  return {
    AuthenticationResult: {
      AccessToken: tokens.access_token,
      ExpiresIn: tokens.expires_in,
      IdToken: tokens.id_token,
      RefreshToken: tokens.refresh_token,
      TokenType: 'Bearer',
    },
    ChallengeParameters: {},
  };
}
