// grant_type=authorization_code (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html).
import { OAuthError } from '../../errors/oauth-error.js';
import { pkceMatches } from '../../domain/pkce.js';
import { bodyParam, type Grant } from './grant.js';

export const authorizationCodeGrant: Grant = async ({ client, body, deps, ip }) => {
  const code = bodyParam(body, 'code');
  if (code === undefined) throw new OAuthError('invalid_request');
  // Taken before any other check: a code is single-use even when the exchange fails, and
  // concurrent redemptions of one code cannot both succeed.
  const entry = await deps.authorizationCodes.consume(code);
  if (!entry || entry.expiresAt <= deps.clock.now() || entry.clientId !== client.ClientId) {
    throw new OAuthError('invalid_grant');
  }
  // Cognito: a redirect_uri different from the authorize request's is unauthorized_client, not invalid_grant.
  if (bodyParam(body, 'redirect_uri') !== entry.redirectUri) throw new OAuthError('unauthorized_client');
  if (entry.codeChallenge !== undefined) {
    const verifier = bodyParam(body, 'code_verifier');
    if (verifier === undefined || !pkceMatches(verifier, entry.codeChallenge)) throw new OAuthError('invalid_grant');
  }
  const user = deps.store.getUser(entry.userPoolId, entry.username);
  if (!user?.Enabled) throw new OAuthError('invalid_grant');
  return deps.tokens.userTokens({
    client,
    user,
    scopes: entry.scopes,
    channel: 'oauth',
    authTime: entry.authTime,
    withRefreshToken: true,
    overrides: entry.overrides,
    ...(entry.nonce !== undefined ? { nonce: entry.nonce } : {}),
    ...(ip !== undefined ? { sourceIp: ip } : {}),
  });
};
