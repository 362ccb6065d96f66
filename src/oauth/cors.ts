// Browser apps redeem codes, refresh, revoke and call userInfo cross-origin: Cognito answers the
// token endpoint with Access-Control-Allow-Origin: *. A request with an Authorization header (or
// Amplify's x-amz-user-agent) is preflighted, so the OAuth JSON endpoints answer OPTIONS too.
import type { FastifyInstance } from 'fastify';
import { answerPreflight } from '../http/cors.js';

const PATHS = ['/oauth2/token', '/oauth2/revoke', '/oauth2/userInfo'];

export function corsPreflightRoutes(app: FastifyInstance): void {
  for (const url of PATHS) {
    const methods = url === '/oauth2/userInfo' ? 'GET, POST, OPTIONS' : 'POST, OPTIONS';
    app.options(url, async (request, reply) => answerPreflight(request, reply, methods));
  }
}
