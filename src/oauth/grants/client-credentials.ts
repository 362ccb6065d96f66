// grant_type=client_credentials (reference §4.6, §5.4): confidential clients with the flow,
// custom scopes only, omitted scope = all the client's custom scopes.
import { OAuthError } from '../../errors/oauth-error.js';
import { grantClientScopes, parseScope } from '../../domain/scopes.js';
import { type Grant } from './grant.js';

export const clientCredentialsGrant: Grant = async ({ client, body, deps }) => {
  if (client.ClientSecret === undefined || !client.AllowedOAuthFlows.includes('client_credentials') || !client.AllowedOAuthFlowsUserPoolClient) {
    throw new OAuthError('unauthorized_client');
  }
  const scope = body.scope;
  if (scope !== undefined && typeof scope !== 'string') throw new OAuthError('invalid_request');
  const scopes = grantClientScopes(parseScope(scope), client, deps.store.listResourceServers(client.UserPoolId));
  if (!scopes) throw new OAuthError('invalid_scope');
  return deps.tokens.clientCredentialsToken(client, scopes);
};
