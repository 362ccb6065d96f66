// The checks a presented refresh token must pass, shared by grant_type=refresh_token (which answers
// every problem with invalid_grant) and the JSON API's REFRESH_TOKEN_AUTH (which names the problem,
// reference §11.6). Refreshing keeps the original auth_time, origin_jti and event_id (reference §5.2).
import { epochSeconds, type Clock } from '../clock.js';
import { signedOutBefore, type AppClient, type User } from '../domain/model.js';
import type { Store } from '../store/store.js';
import type { Triggers } from '../triggers/runtime.js';
import { userTokenOverrides } from '../triggers/pre-token.js';
import type { RefreshState } from './refresh-token.js';
import type { TokenIssuer, TokenSet } from './token-issuer.js';

/** invalid: not ours, other client, user gone; expired; revoked: revoked family or global sign-out. */
export type RefreshProblem = 'invalid' | 'expired' | 'revoked' | 'disabled';

export interface RefreshGrant {
  state: RefreshState;
  user: User;
}

export interface RefreshDeps {
  tokens: TokenIssuer;
  store: Store;
  clock: Clock;
}

export async function checkRefreshToken(token: string, client: AppClient, deps: RefreshDeps): Promise<RefreshGrant | RefreshProblem> {
  const state = await deps.tokens.readRefreshToken(client.UserPoolId, token);
  if (!state || state.client_id !== client.ClientId) return 'invalid';
  if (deps.store.isOriginRevoked(state.origin_jti)) return 'revoked';
  if (state.exp <= epochSeconds(deps.clock.now())) return 'expired';
  const user = deps.store.getUser(state.pool, state.username);
  // A user deleted (or deleted and created again under the same name) no longer owns the token.
  if (!user || user.Attributes.sub !== state.sub) return 'invalid';
  if (signedOutBefore(user, state.iat)) return 'revoked';
  if (!user.Enabled) return 'disabled';
  return { state, user };
}

/**
 * New access and ID tokens for a checked refresh token; no new refresh token (rotation off,
 * Cognito's default). The pre token generation trigger runs again (TokenGeneration_RefreshTokens).
 */
export async function refreshedTokens(
  deps: { tokens: TokenIssuer; store: Store; triggers: Triggers }, client: AppClient, { state, user }: RefreshGrant,
  clientMetadata?: Record<string, string>,
): Promise<TokenSet> {
  const overrides = await userTokenOverrides(deps, client, user, state.scope, { source: 'TokenGeneration_RefreshTokens', clientMetadata });
  return deps.tokens.userTokens({
    client, user, scopes: state.scope, channel: state.channel, authTime: state.auth_time,
    originJti: state.origin_jti, eventId: state.event_id, withRefreshToken: false, overrides,
  });
}
