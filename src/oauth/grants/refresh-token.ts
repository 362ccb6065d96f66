// grant_type=refresh_token (reference §4.3): new access and ID tokens, no new refresh token
// (rotation off, Cognito's default); auth_time and origin_jti are kept.
import { OAuthError } from '../../errors/oauth-error.js';
import { epochSeconds } from '../../clock.js';
import { signedOutBefore } from '../../domain/model.js';
import { bodyParam, type Grant } from './grant.js';

export const refreshTokenGrant: Grant = async ({ client, body, deps }) => {
  const token = bodyParam(body, 'refresh_token');
  if (token === undefined) throw new OAuthError('invalid_request');
  const state = await deps.tokens.readRefreshToken(client.UserPoolId, token);
  const now = epochSeconds(deps.clock.now());
  if (!state || state.client_id !== client.ClientId || state.exp <= now || deps.store.isOriginRevoked(state.origin_jti)) {
    throw new OAuthError('invalid_grant');
  }
  const user = deps.store.getUser(state.pool, state.username);
  if (!user || !user.Enabled || user.Attributes.sub !== state.sub || signedOutBefore(user, state.iat)) {
    throw new OAuthError('invalid_grant');
  }
  return deps.tokens.userTokens({
    client, user, scopes: state.scope, channel: state.channel, authTime: state.auth_time,
    originJti: state.origin_jti, eventId: state.event_id, withRefreshToken: false,
  });
};
