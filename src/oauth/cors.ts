// Browser apps redeem codes, refresh and call userInfo cross-origin: Cognito answers the token
// endpoint with Access-Control-Allow-Origin: * (reference §4.1). A request with an Authorization
// header is preflighted, so the OAuth JSON endpoints answer OPTIONS too.
import type { FastifyInstance } from 'fastify';

const PATHS = ['/oauth2/token', '/oauth2/revoke', '/oauth2/userInfo'];

export function corsPreflightRoutes(app: FastifyInstance): void {
  for (const url of PATHS) {
    app.options(url, async (_request, reply) =>
      reply.code(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', url === '/oauth2/userInfo' ? 'GET, POST, OPTIONS' : 'POST, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600')
        .send());
  }
}
