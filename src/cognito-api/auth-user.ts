// The user side of a sign-in, shared by the password, SRP and new-password steps: who is signing
// in, whether they may, what a failed password costs (lockout), and what a proven password yields
// (tokens, or the NEW_PASSWORD_REQUIRED challenge). Reference §9, §11.3–§11.6.
import { PASSWORD_ATTEMPTS_EXCEEDED } from '../domain/lockout.js';
import type { User } from '../domain/model.js';
import { findSignInUser } from '../domain/users.js';
import { CognitoError } from '../errors/cognito-error.js';
import type { TokenSet } from '../tokens/token-issuer.js';
import type { AuthContext } from './auth-flows.js';
import type { Output } from './operation.js';

/** Tokens from the JSON API carry exactly this scope (reference §5.3). */
const API_SCOPE = 'aws.cognito.signin.user.admin';

export const incorrectPassword = () => new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
export const invalidSession = () => new CognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.');

/** By username, or by email / phone alias in pools that sign users in with those. */
export function signInUser(ctx: AuthContext, login: string): User | undefined {
  return findSignInUser(ctx.deps.store, ctx.pool, login);
}

/** Unknown user: LEGACY reveals it, ENABLED answers as for a wrong password (reference §9). */
export function unknownUser(ctx: AuthContext): CognitoError {
  return ctx.client.PreventUserExistenceErrors === 'ENABLED'
    ? incorrectPassword()
    : new CognitoError('UserNotFoundException', 'User does not exist.');
}

/**
 * Checks made before any password is looked at. Disabled and reset-required users are refused
 * whatever the password (a reset invalidates it); Cognito's exact order is unconfirmed (README).
 */
export function checkMaySignIn(ctx: AuthContext, user: User): void {
  if (ctx.deps.lockout.isLocked(user)) throw new CognitoError('NotAuthorizedException', PASSWORD_ATTEMPTS_EXCEEDED);
  if (!user.Enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  if (user.UserStatus === 'RESET_REQUIRED') {
    throw new CognitoError('PasswordResetRequiredException', 'Password reset required for the user');
  }
}

/** Counts the attempt for the lockout (reference §11.4) and throws on a wrong password. */
export function passwordChecked(ctx: AuthContext, user: User, ok: boolean): void {
  if (ok) {
    ctx.deps.lockout.recordSuccess(user);
    return;
  }
  ctx.deps.lockout.recordFailure(user);
  throw incorrectPassword();
}

/**
 * What a proven password leads to. An unconfirmed user learns it only with the right password;
 * a FORCE_CHANGE_PASSWORD user must choose a new one (reference §11.5).
 */
export async function passwordProven(ctx: AuthContext, user: User): Promise<Output> {
  if (user.UserStatus === 'UNCONFIRMED') throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') return newPasswordChallenge(ctx, user);
  return authenticationResult(ctx, user);
}

/**
 * NEW_PASSWORD_REQUIRED with a Session. requiredAttributes / userAttributes are JSON strings;
 * userAttributes holds every attribute but sub (Cognito's exact set is unconfirmed; README).
 */
function newPasswordChallenge(ctx: AuthContext, user: User): Output {
  const session = ctx.deps.authChallenges.startSession({
    challenge: 'NEW_PASSWORD_REQUIRED', userPoolId: ctx.pool.Id, clientId: ctx.client.ClientId, username: user.Username,
  }, ctx.client);
  const attributes = Object.fromEntries(Object.entries(user.Attributes).filter(([name]) => name !== 'sub'));
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ChallengeParameters: { USER_ID_FOR_SRP: user.Username, requiredAttributes: '[]', userAttributes: JSON.stringify(attributes) },
    Session: session,
  };
}

export async function authenticationResult(ctx: AuthContext, user: User): Promise<Output> {
  const tokens = await ctx.deps.tokens.userTokens({
    client: ctx.client, user, scopes: [API_SCOPE], channel: 'api', withRefreshToken: true,
  });
  return tokensOutput(tokens);
}

/** Keys in alphabetical order, then the empty ChallengeParameters, as captured (reference §11.3). */
export function tokensOutput(tokens: TokenSet): Output {
  return {
    AuthenticationResult: {
      AccessToken: tokens.access_token,
      ExpiresIn: tokens.expires_in,
      IdToken: tokens.id_token,
      ...(tokens.refresh_token !== undefined ? { RefreshToken: tokens.refresh_token } : {}),
      TokenType: 'Bearer',
    },
    ChallengeParameters: {},
  };
}
