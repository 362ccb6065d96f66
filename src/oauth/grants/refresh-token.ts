// grant_type=refresh_token (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html): new access and ID tokens, and a
// new refresh token when
// the client rotates them; auth_time and origin_jti are kept. The checks are shared with the JSON
// API's refresh operations; here every problem (a reused rotated-out token too) is invalid_grant.
import { OAuthError } from '../../errors/oauth-error.js';
import { checkRefreshToken, refreshedTokens } from '../../tokens/refresh-check.js';
import { oauthTriggerError } from '../trigger-errors.js';
import { bodyParam, type Grant } from './grant.js';

export const refreshTokenGrant: Grant = async ({ client, body, deps, ip }) => {
  const token = bodyParam(body, 'refresh_token');
  if (token === undefined) throw new OAuthError('invalid_request');
  const grant = await checkRefreshToken(token, client, deps);
  if (typeof grant === 'string') throw new OAuthError('invalid_grant');
  return oauthTriggerError(() => refreshedTokens(deps, client, grant, undefined, ip));
};
