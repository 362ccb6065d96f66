// What every answer of the JSON OAuth endpoints carries, whatever produced it (a grant, an error, an
// injected fault, a preflight): never cached, Cognito's request id, readable by a page of any origin
// (Cognito answers the token endpoint with Access-Control-Allow-Origin: *).
import type { FastifyInstance } from 'fastify';
import { allowAnyOrigin } from '../http/cors.js';
import { cognitoRequestId, noStore } from '../http/headers.js';
import { oauthJsonErrorHandler } from './json-errors.js';

export function oauthJsonScope(scope: FastifyInstance): void {
  scope.setErrorHandler(oauthJsonErrorHandler);
  scope.addHook('onSend', (_request, reply, payload, done) => {
    allowAnyOrigin(noStore(cognitoRequestId(reply)));
    done(null, payload);
  });
}
