// The checks a presented refresh token must pass, and the tokens a refresh returns, shared by
// grant_type=refresh_token (which answers every problem with invalid_grant), the JSON API's
// REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken (which name the problem). Refreshing keeps the
// original auth_time, origin_jti and event_id.
//
// Rotation (the client's RefreshTokenRotation ENABLED): each refresh also returns a new refresh
// token of the same family, valid for what is left of the original's lifetime; the one presented
// keeps working for RetryGracePeriodSeconds, then fails as reused.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
import { epochSeconds, type Clock } from '../clock.js';
import { rotates, signedOutBefore, type AppClient, type User } from '../domain/model.js';
import type { Store } from '../store/store.js';
import type { Triggers } from '../triggers/runtime.js';
import { userTokenOverrides } from '../triggers/pre-token.js';
import type { RefreshState } from './refresh-token.js';
import type { TokenIssuer, TokenSet } from './token-issuer.js';

/**
 * invalid: not ours, other client, user gone; expired; revoked: revoked family or global sign-out;
 * reused: rotated out and past its grace period.
 */
export type RefreshProblem = 'invalid' | 'expired' | 'revoked' | 'disabled' | 'reused';

export interface RefreshGrant {
  state: RefreshState;
  user: User;
}

export interface RefreshDeps {
  tokens: TokenIssuer;
  store: Store;
  clock: Clock;
  triggers: Triggers;
}

export async function checkRefreshToken(token: string, client: AppClient, deps: RefreshDeps): Promise<RefreshGrant | RefreshProblem> {
  const state = await deps.tokens.readRefreshToken(client.UserPoolId, token);
  if (!state || state.client_id !== client.ClientId) return 'invalid';
  if (deps.store.isOriginRevoked(state.origin_jti)) return 'revoked';
  const now = deps.clock.now();
  if (state.exp <= epochSeconds(now)) return 'expired';
  // Checked whatever the client's setting is now: turning rotation off does not revive old tokens.
  const graceUntil = deps.store.rotatedGraceUntil(state.jti);
  if (graceUntil !== undefined && now >= graceUntil) return 'reused';
  const user = deps.store.getUser(state.pool, state.username);
  // A user deleted (or deleted and created again under the same name) no longer owns the token.
  if (!user || user.Attributes.sub !== state.sub) return 'invalid';
  if (signedOutBefore(user, state.iat)) return 'revoked';
  if (!user.Enabled) return 'disabled';
  return { state, user };
}

/**
 * New access and ID tokens for a checked refresh token. Without rotation (Cognito's default) no new
 * refresh token; with it, a new one that ends when the original would have, and the original is
 * rotated out (remembered until it would have expired anyway). The pre token generation trigger
 * runs again (TokenGeneration_RefreshTokens) first: when it fails, nothing is rotated out.
 */
export async function refreshedTokens(
  deps: RefreshDeps,
  client: AppClient,
  { state, user }: RefreshGrant,
  clientMetadata?: Record<string, string>,
  sourceIp?: string,
): Promise<TokenSet> {
  const overrides = await userTokenOverrides(deps, client, user, state.scope, { source: 'TokenGeneration_RefreshTokens', clientMetadata });
  const rotation = rotates(client);
  if (rotation) {
    const graceMs = (client.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0) * 1000;
    await deps.store.markRotated(state.jti, deps.clock.now() + graceMs, state.exp * 1000);
  }
  return deps.tokens.userTokens({
    client,
    user,
    scopes: state.scope,
    channel: state.channel,
    authTime: state.auth_time,
    originJti: state.origin_jti,
    eventId: state.event_id,
    withRefreshToken: rotation,
    overrides,
    deviceKey: state.device_key,
    ...(rotation ? { refreshExpiresAt: state.exp } : {}),
    ...(sourceIp !== undefined ? { sourceIp } : {}),
  });
}
