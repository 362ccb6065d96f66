// POST /oauth2/revoke (reference §7): refresh tokens only. Revoking one invalidates it and every
// access and ID token sharing its origin_jti; Cognito answers 200 with an empty body even for
// unknown or already revoked tokens.
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import type { Deps } from '../deps.js';
import { authenticateClient, readClientCredentials } from '../domain/client-auth.js';
import { OAuthError } from '../errors/oauth-error.js';
import { cognitoRequestId, noStore } from '../http/headers.js';
import { bodyParam } from './grants/grant.js';

export function revokeRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/oauth2/revoke', async (request, reply) => {
    if (!request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError('invalid_request');
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    // The revocation endpoint documents 401 for bad client credentials.
    const client = authenticateClient(deps.store, readClientCredentials(request.headers.authorization, body, 401), 401);
    const token = bodyParam(body, 'token');
    if (token === undefined || !client.EnableTokenRevocation) throw new OAuthError('invalid_request');
    // A JWT (access or ID token) is not revocable on its own; undecodable garbage is just unknown (200).
    if (isJwt(token)) throw new OAuthError('unsupported_token_type');
    const state = await deps.tokens.readRefreshToken(client.UserPoolId, token);
    if (state) {
      // Only the client the token was issued to may revoke it (unconfirmed error code; README).
      if (state.client_id !== client.ClientId) throw new OAuthError('invalid_request', 'The token was not issued to this client');
      await deps.store.revokeOrigin(state.origin_jti, state.exp * 1000);
    }
    noStore(cognitoRequestId(reply)).header('access-control-allow-origin', '*');
    return reply.code(200).send();
  });
}

function isJwt(token: string): boolean {
  try {
    decodeJwt(token);
    return true;
  } catch {
    return false;
  }
}
