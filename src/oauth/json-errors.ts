// The one error serialiser of the JSON OAuth endpoints (token, revoke, userInfo): Cognito's
// `{"error": "...", "error_description"?}` bodies (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html),
// and for userInfo the same details in WWW-Authenticate. Malformed requests become invalid_request
// with their own 4xx status (413 for oversized bodies); only real bugs are 500s, and they are logged.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { foreignStatus, InjectedFault } from '../errors/http-error.js';
import { OAuthError, type OAuthErrorCode } from '../errors/oauth-error.js';

const FOREIGN_DESCRIPTIONS: Record<number, string> = {
  413: 'Request body is too large',
  415: 'Content-Type must be application/x-www-form-urlencoded',
};

function asOAuthError(err: FastifyError, request: FastifyRequest): OAuthError {
  if (err instanceof OAuthError) return err;
  // A test may inject any code, not only the ones the emulator itself sends.
  if (err instanceof InjectedFault) return new OAuthError(err.code as OAuthErrorCode, err.message, err.status);
  const status = foreignStatus(err);
  if (status === 500) {
    request.log.error({ err }, 'unexpected error on an OAuth endpoint');
    return new OAuthError('server_error', undefined, 500);
  }
  return new OAuthError('invalid_request', FOREIGN_DESCRIPTIONS[status], status);
}

export function oauthJsonErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const error = asOAuthError(err, request);
  // Cognito prints these without a "Bearer" scheme before error=.
  if (error.bearerChallenge) reply.header('www-authenticate', `error="${error.code}", error_description="${error.description ?? ''}"`);
  return reply
    .code(error.status)
    .type('application/json;charset=UTF-8')
    .send({ error: error.code, ...(error.description !== undefined ? { error_description: error.description } : {}) });
}
