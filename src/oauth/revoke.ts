// POST /oauth2/revoke (https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html): refresh tokens only. Revoking
// one invalidates it and every
// access and ID token sharing its origin_jti; Cognito answers 200 with an empty body even for
// unknown or already revoked tokens.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { authenticateClient, readClientCredentials } from './client-auth.js';
import { OAuthError } from '../errors/oauth-error.js';
import { isFormRequest } from '../http/form.js';
import { bodyParam } from './grants/grant.js';
import { revokeRefreshToken } from '../tokens/revoke-refresh-token.js';

export function revokeRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/oauth2/revoke', async (request, reply) => {
    if (!isFormRequest(request)) {
      throw new OAuthError('invalid_request');
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    // The revocation endpoint documents 401 for bad client credentials.
    const client = authenticateClient(deps.store, readClientCredentials(request.headers.authorization, body, 401), 401);
    const token = bodyParam(body, 'token');
    if (token === undefined || !client.EnableTokenRevocation) throw new OAuthError('invalid_request');
    const outcome = await revokeRefreshToken(token, client, deps);
    if (outcome === 'not-a-refresh-token') throw new OAuthError('unsupported_token_type');
    // Only the client the token was issued to may revoke it (unconfirmed error code; README).
    if (outcome === 'other-client') throw new OAuthError('invalid_request', 'The token was not issued to this client');
    return reply.code(200).send();
  });
}
