// One error handler for every browser-facing route (/oauth2/authorize, /login, /logout, /error):
// bad client or redirect_uri → Cognito's /error page; errors for a verified redirect_uri → back to
// the app; malformed requests → the error page with their 4xx status. Never a 500 for bad input.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorPageRedirect, RedirectableError } from '../errors/oauth-error.js';
import { pageHeaders } from '../http/headers.js';
import { withParams } from '../oauth/authorize-request.js';
import type { Urls } from '../urls.js';
import { errorPage } from './pages.js';

export function browserErrorHandler(urls: Urls) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    pageHeaders(reply, urls.secure);
    if (err instanceof ErrorPageRedirect) {
      const params: Array<[string, string]> = [['error', err.error]];
      if (err.clientId !== undefined) params.push(['client_id', err.clientId]);
      return reply.redirect(withParams('/error', params), 302);
    }
    if (err instanceof RedirectableError) return reply.redirect(err.redirectUri === '' ? '/error' : withParams(err.redirectUri, err.params), 302);
    const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err }, 'unexpected error on a hosted page');
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage(status === 500 ? 'server_error' : 'invalid_request').value);
  };
}
