// The user behind the AccessToken of GetUser, UpdateUserAttributes, DeleteUser, ChangePassword,
// GlobalSignOut, … Cognito checks the token server-side: signature, expiry, revocation (RevokeToken,
// GlobalSignOut) and the aws.cognito.signin.user.admin scope
// (https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html).
import type { Deps } from '../../../deps.js';
import type { AppClient, User, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { verifyToken } from '../../../tokens/verify-token.js';
import { requiredString } from '../../input.js';
import type { Input } from '../../operation.js';

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

export interface TokenUser {
  user: User;
  pool: UserPool;
  client: AppClient;
  claims: Record<string, unknown>;
}

const PROBLEMS = {
  invalid: 'Invalid Access Token',
  expired: 'Access Token has expired',
  revoked: 'Access Token has been revoked',
} as const;

export async function userFromAccessToken(deps: Pick<Deps, 'clock' | 'keys' | 'store' | 'urls'>, input: Input): Promise<TokenUser> {
  // The SDK's AccessToken is sensitive: never echo it back in a validation message.
  if (typeof input.AccessToken !== 'string' || input.AccessToken === '') requiredString(input, 'AccessToken');
  const verified = await verifyToken(input.AccessToken as string, 'access', deps);
  if (typeof verified === 'string') throw new CognitoError('NotAuthorizedException', PROBLEMS[verified]);
  if (!verified.scopes.includes(ADMIN_SCOPE)) {
    throw new CognitoError('NotAuthorizedException', 'Access Token does not have required scopes');
  }
  // A client_credentials token never carries the admin scope, so a user is always present here.
  if (!verified.user || !verified.client) throw new CognitoError('NotAuthorizedException', PROBLEMS.invalid);
  return { user: verified.user, pool: verified.pool, client: verified.client, claims: verified.claims };
}
