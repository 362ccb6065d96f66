// Discovery and JWKS per pool (https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html). Documents are built
// once per pool and cached.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { CognitoError } from '../errors/cognito-error.js';
import { foreignStatus, HttpError } from '../errors/http-error.js';

const notFound = (poolId: string) => new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`, 404);

/** The one error serialiser of the discovery documents: {"code", "message"}. */
function wellKnownErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof HttpError) return reply.code(err.status).type('application/json').send({ code: err.code, message: err.message });
  const status = foreignStatus(err);
  if (status === 500) request.log.error({ err }, 'unexpected error in a discovery document');
  return reply
    .code(status)
    .type('application/json')
    .send(
      status === 500
        ? { code: 'InternalErrorException', message: 'Internal error in cognito-emulator' }
        : { code: 'InvalidRequest', message: 'Bad request' },
    );
}

export function wellKnownRoutes(app: FastifyInstance, deps: Deps): void {
  const discovery = new Map<string, string>();
  app.setErrorHandler(wellKnownErrorHandler);

  app.get<{ Params: { poolId: string } }>('/:poolId/.well-known/openid-configuration', async (request, reply) => {
    const { poolId } = request.params;
    if (!deps.store.getPool(poolId)) throw notFound(poolId);
    // Asked over the TLS listener (and PUBLIC_URL is plain http): the endpoints stay on https, so an
    // OIDC client whose authority is the https URL is never sent to http. Not cached: the host varies.
    const tlsBase = request.protocol === 'https' && !deps.urls.secure && request.host ? `https://${request.host}` : undefined;
    let doc = tlsBase === undefined ? discovery.get(poolId) : undefined;
    if (doc === undefined) {
      const url = (path: string) => (tlsBase === undefined ? deps.urls.endpoint(path) : `${tlsBase}${path}`);
      // Cognito's fields, alphabetical; no code_challenge_methods_supported
      // (https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html).
      doc = JSON.stringify({
        authorization_endpoint: url('/oauth2/authorize'),
        end_session_endpoint: url('/logout'),
        id_token_signing_alg_values_supported: ['RS256'],
        issuer: deps.urls.issuer(poolId),
        jwks_uri: url(`/${poolId}/.well-known/jwks.json`),
        response_types_supported: ['code', 'token'],
        revocation_endpoint: url('/oauth2/revoke'),
        scopes_supported: ['openid', 'email', 'phone', 'profile'],
        subject_types_supported: ['public'],
        token_endpoint: url('/oauth2/token'),
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        userinfo_endpoint: url('/oauth2/userInfo'),
      });
      if (tlsBase === undefined) discovery.set(poolId, doc);
    }
    return reply.type('application/json;charset=UTF-8').header('access-control-allow-origin', '*').send(doc);
  });

  app.get<{ Params: { poolId: string } }>('/:poolId/.well-known/jwks.json', async (request, reply) => {
    const { poolId } = request.params;
    const ring = deps.store.getPool(poolId) ? deps.keys.get(poolId) : undefined;
    if (!ring) throw notFound(poolId);
    return reply.type('application/json;charset=UTF-8').header('access-control-allow-origin', '*').send(ring.jwksJson);
  });
}
