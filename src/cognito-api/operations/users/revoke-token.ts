// RevokeToken: the JSON-API twin of /oauth2/revoke (https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html): a
// refresh token, its family
// (origin_jti) and every access / ID token of that family stop working at Cognito. Unknown or
// already revoked refresh tokens succeed silently, as at the endpoint. Exception choices for a
// bad client secret or another client's token are unconfirmed (README).
import type { RevokeTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { revokeRefreshToken } from '../../../tokens/revoke-refresh-token.js';
import { optionalString, requiredString } from '../../input.js';
import { clientOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { checkClientSecret } from '../../secret-hash.js';

export const revokeToken: Operation<'store' | 'tokens'> = (deps) => async (input) => {
  const token = requiredString(input, 'Token', 16384);
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128));
  const secret = optionalString(input, 'ClientSecret', 256);
  checkClientSecret(client, secret);
  if (!client.EnableTokenRevocation) {
    throw new CognitoError('UnsupportedOperationException', 'Token revocation is not enabled for this app client.');
  }
  const outcome = await revokeRefreshToken(token, client, deps);
  if (outcome === 'not-a-refresh-token') throw new CognitoError('UnsupportedTokenTypeException', 'Unsupported token type.');
  if (outcome === 'other-client') throw new CognitoError('UnauthorizedException', 'The token was not issued to this client.');
  return {} satisfies Wire<RevokeTokenResponse>;
};
