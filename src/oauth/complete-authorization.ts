// The end of a successful interactive sign-in: a one-time code in the query (code flow) or the
// tokens in the fragment (implicit flow), sent to the verified redirect_uri
// (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
import { newUuid } from '../domain/ids.js';
import type { User } from '../domain/model.js';
import type { Deps } from '../deps.js';
import { userTokenOverrides } from '../triggers/pre-token.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import { withParams } from '../http/params.js';
import { redirectOnTriggerError } from './trigger-errors.js';

export const CODE_SECONDS = 300;

export async function completeAuthorization(
  req: AuthorizeRequest,
  user: User,
  authTime: number,
  deps: Pick<Deps, 'store' | 'clock' | 'tokens' | 'triggers' | 'authorizationCodes'>,
): Promise<string> {
  const state: Array<[string, string]> = req.state !== undefined ? [['state', req.state]] : [];
  // The pre token generation trigger runs now, also for the code flow, so that its failure goes
  // back to the app as a redirect; the code keeps its result for the token exchange.
  const overrides = await redirectOnTriggerError(req, () =>
    userTokenOverrides(deps, req.client, user, req.scopes, { source: 'TokenGeneration_HostedAuth' }),
  );
  if (req.responseType === 'token') {
    const t = await deps.tokens.userTokens({
      client: req.client,
      user,
      scopes: req.scopes,
      channel: 'oauth',
      authTime,
      withRefreshToken: false,
      overrides,
      ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
    });
    // Never a refresh token in the implicit flow; order as captured from Cognito.
    const params: Array<[string, string]> = [];
    if (t.id_token) params.push(['id_token', t.id_token]);
    params.push(['access_token', t.access_token], ['expires_in', String(t.expires_in)], ['token_type', t.token_type]);
    return withParams(req.redirectUri, [...params, ...state], '#');
  }
  const code = newUuid();
  deps.authorizationCodes.save({
    code,
    userPoolId: req.pool.Id,
    clientId: req.client.ClientId,
    redirectUri: req.redirectUri,
    username: user.Username,
    scopes: req.scopes,
    authTime,
    expiresAt: deps.clock.now() + CODE_SECONDS * 1000,
    ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
    ...(req.codeChallenge !== undefined ? { codeChallenge: req.codeChallenge } : {}),
    ...(overrides !== undefined ? { overrides } : {}),
  });
  return withParams(req.redirectUri, [['code', code], ...state]);
}
