// One error handler for the JSON OAuth endpoints (token, revoke): Cognito's
// `{"error": "..."}` bodies (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html). Malformed requests become invalid_request with their
// own 4xx status (413 for oversized bodies); only real bugs are 500s, and they are logged.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { OAuthError } from '../errors/oauth-error.js';
import { cognitoRequestId, noStore } from '../http/headers.js';

export function oauthJsonErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  noStore(cognitoRequestId(reply)).header('access-control-allow-origin', '*');
  if (err instanceof OAuthError) {
    return reply.code(err.status).type('application/json;charset=UTF-8')
      .send({ error: err.error, ...(err.description !== undefined ? { error_description: err.description } : {}) });
  }
  const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) request.log.error({ err }, 'unexpected error on an OAuth endpoint');
  const description = status === 413 ? 'Request body is too large' : status === 415 ? 'Content-Type must be application/x-www-form-urlencoded' : undefined;
  return reply.code(status).type('application/json;charset=UTF-8')
    .send({ error: status === 500 ? 'server_error' : 'invalid_request', ...(description ? { error_description: description } : {}) });
}
