// GetClientToken: a machine-to-machine access token through the JSON API, the twin of the token
// endpoint's client_credentials grant. The app client needs a secret and ALLOW_CLIENT_TOKEN_AUTH as
// its only flow; Scopes are custom scopes of the pool's resource servers that the client allows,
// all of them when omitted; ClientMetadata goes to a V3_0 pre token generation trigger
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetClientToken.html).
import type { GetClientTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CLIENT_TOKEN_FLOW } from '../../../domain/app-client.js';
import { hasSecret, isClientSecret } from '../../../domain/client-secrets.js';
import { grantClientScopes } from '../../../domain/scopes.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { clientCredentialsOverrides } from '../../../triggers/pre-token.js';
import { optionalStringList, optionalStringMap, requiredString } from '../../input.js';
import { clientOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

export const getClientToken: Operation<'store' | 'tokens' | 'triggers'> = (deps) => async (input) => {
  const clientId = requiredString(input, 'ClientId', 128);
  const secret = requiredString(input, 'Secret', 64);
  const requested = optionalStringList(input, 'Scopes') ?? [];
  const metadata = optionalStringMap(input, 'ClientMetadata');
  const client = clientOrThrow(deps.store, clientId);
  // Wordings unconfirmed; the secret is checked first, so nothing is said about a client to a caller without its secret.
  if (!hasSecret(client) || !isClientSecret(client, secret)) {
    throw new CognitoError('NotAuthorizedException', `Unable to verify secret for client ${client.ClientId}`);
  }
  if (!client.ExplicitAuthFlows.includes(CLIENT_TOKEN_FLOW)) {
    throw new CognitoError('InvalidParameterException', `${CLIENT_TOKEN_FLOW} flow not enabled for this client`);
  }
  const scopes = grantClientScopes(requested, client, deps.store.listResourceServers(client.UserPoolId));
  if (!scopes) throw new CognitoError('InvalidParameterException', 'Invalid scope requested');
  const overrides = await clientCredentialsOverrides(deps, client, scopes, metadata);
  const token = await deps.tokens.clientCredentialsToken(client, scopes, overrides);
  return {
    ClientAuthenticationResult: { AccessToken: token.access_token, ExpiresIn: token.expires_in, TokenType: token.token_type },
  } satisfies Wire<GetClientTokenResponse>;
};
