// GET /error: Cognito's error page, served with HTTP 400
// (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
import type { FastifyInstance } from 'fastify';
import { param, type Query } from '../http/params.js';
import { errorPage } from './pages.js';

export function errorPageRoutes(app: FastifyInstance): void {
  app.get('/error', async (request, reply) => {
    const error = param(request.query as Query, 'error');
    return reply
      .code(400)
      .type('text/html; charset=utf-8')
      .send(errorPage(typeof error === 'string' ? error : undefined).value);
  });
}
