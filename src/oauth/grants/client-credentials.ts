// grant_type=client_credentials (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html): confidential clients with
// the flow,
// custom scopes only, omitted scope = all the client's custom scopes.
import { hasSecret } from '../../domain/client-secrets.js';
import { OAuthError } from '../../errors/oauth-error.js';
import { grantClientScopes, parseScope } from '../../domain/scopes.js';
import { clientCredentialsOverrides } from '../../triggers/pre-token.js';
import { oauthTriggerError } from '../trigger-errors.js';
import { bodyParam, type Grant } from './grant.js';

export const clientCredentialsGrant: Grant = async ({ client, body, deps }) => {
  if (!hasSecret(client) || !client.AllowedOAuthFlows.includes('client_credentials') || !client.AllowedOAuthFlowsUserPoolClient) {
    throw new OAuthError('unauthorized_client');
  }
  const scope = body.scope;
  if (scope !== undefined && typeof scope !== 'string') throw new OAuthError('invalid_request');
  const scopes = grantClientScopes(parseScope(scope), client, deps.store.listResourceServers(client.UserPoolId));
  if (!scopes) throw new OAuthError('invalid_scope');
  const metadata = clientMetadata(bodyParam(body, 'aws_client_metadata'));
  const overrides = await oauthTriggerError(() => clientCredentialsOverrides(deps, client, scopes, metadata));
  return deps.tokens.clientCredentialsToken(client, scopes, overrides);
};

/**
 * `aws_client_metadata`: URL-encoded JSON of string values, passed to a V3_0 pre token generation
 * trigger as clientMetadata (AWS developer guide, "Pre token generation Lambda trigger").
 */
function clientMetadata(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new OAuthError('invalid_request', 'aws_client_metadata must be a JSON object of strings');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new OAuthError('invalid_request', 'aws_client_metadata must be a JSON object of strings');
  }
  return parsed as Record<string, string>;
}
