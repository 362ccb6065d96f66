// POST /oauth2/token (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html): authenticate the client, then run the
// grant.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { authenticateClient, readClientCredentials } from './client-auth.js';
import { OAuthError } from '../errors/oauth-error.js';
import { isFormRequest } from '../http/form.js';
import { authorizationCodeGrant } from './grants/authorization-code.js';
import { clientCredentialsGrant } from './grants/client-credentials.js';
import type { Grant } from './grants/grant.js';
import { refreshTokenGrant } from './grants/refresh-token.js';

const GRANTS: Record<string, Grant> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
};

export function tokenRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/oauth2/token', async (request, reply) => {
    if (!isFormRequest(request)) {
      throw new OAuthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    const grantType = body.grant_type;
    if (typeof grantType !== 'string') throw new OAuthError('invalid_request');
    const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
    if (!grant) throw new OAuthError('unsupported_grant_type');
    const client = authenticateClient(deps.store, readClientCredentials(request.headers.authorization, body));
    const tokens = await grant({ client, body, deps, ip: request.ip });
    return reply.type('application/json;charset=UTF-8').send(tokens);
  });
  // Cognito answers other methods with 405 (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html).
  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH'],
    url: '/oauth2/token',
    handler: async (_request, reply) => reply.code(405).header('allow', 'POST').send(),
  });
}
