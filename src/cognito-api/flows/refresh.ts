// REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new access and ID tokens, no RefreshToken
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html),
// with the token endpoint's checks (src/tokens/refresh-check.ts) named as Cognito names them
// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html; wording partly unconfirmed, README).
// Clients that rotate refresh tokens refuse
// this flow: they refresh through GetTokensFromRefreshToken.
import { rotates } from '../../domain/model.js';
import { CognitoError } from '../../errors/cognito-error.js';
import { checkRefreshToken, refreshedTokens, type RefreshProblem } from '../../tokens/refresh-check.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { tokensOutput } from './user.js';
import { checkSecretHashFor, requireSecretHash } from '../secret-hash.js';

const PROBLEMS: Record<Exclude<RefreshProblem, 'reused'>, string> = {
  invalid: 'Invalid Refresh Token',
  expired: 'Refresh Token has expired',
  revoked: 'Refresh Token has been revoked',
  disabled: 'User is disabled.',
};

/** The JSON API's error for a refresh token that failed its checks (the reuse message is ours; README). */
export function refreshProblemError(problem: RefreshProblem): CognitoError {
  if (problem === 'reused')
    return new CognitoError('RefreshTokenReuseException', 'Refresh token has been rotated out and can no longer be used');
  return new CognitoError('NotAuthorizedException', PROBLEMS[problem]);
}

export async function refreshTokenAuth(ctx: AuthContext, params: Params): Promise<AuthOutput> {
  const token = requiredParam(params, 'REFRESH_TOKEN');
  // "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation
  // enabled" (developer guide); the exception and its wording are ours (README).
  if (rotates(ctx.client)) {
    throw new CognitoError(
      'InvalidParameterException',
      'REFRESH_TOKEN_AUTH is not allowed for an app client with refresh token rotation enabled; use GetTokensFromRefreshToken',
    );
  }
  // A missing SECRET_HASH is refused at once; its value can only be checked once the token names the user.
  requireSecretHash(ctx.client, params.SECRET_HASH);
  const grant = await checkRefreshToken(token, ctx.client, ctx.deps);
  if (typeof grant === 'string') throw refreshProblemError(grant);
  // Which username the hash must use with refresh tokens is unconfirmed: the username or the sub.
  checkSecretHashFor(ctx.client, [grant.state.username, grant.state.sub], params);
  return tokensOutput(await refreshedTokens(ctx.deps, ctx.client, grant, undefined, ctx.sourceIp));
}
