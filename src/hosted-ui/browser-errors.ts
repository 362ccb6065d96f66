// The one error serialiser of the browser-facing routes (/oauth2/authorize, /login, /logout, /error,
// federation pages): bad client or redirect_uri → Cognito's /error page; errors for a verified
// redirect_uri → back to the app; malformed requests → the error page with their 4xx status.
// Never a 500 for bad input.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { foreignStatus, InjectedFault } from '../errors/http-error.js';
import { ErrorPageRedirect, RedirectableError } from '../errors/oauth-error.js';
import { pageHeaders, pageHeadersOnEveryResponse } from '../http/headers.js';
import { withParams } from '../http/params.js';
import { CONTENT_SECURITY_POLICY } from './layout.js';
import { errorPage } from './pages.js';

const sendErrorPage = (reply: FastifyReply, status: number, code: string) =>
  reply.code(status).type('text/html; charset=utf-8').send(errorPage(code).value);

export function browserErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ErrorPageRedirect) {
    const params: Array<[string, string]> = [['error', err.code]];
    if (err.clientId !== undefined) params.push(['client_id', err.clientId]);
    return reply.redirect(withParams('/error', params), 302);
  }
  if (err instanceof RedirectableError)
    return reply.redirect(err.redirectUri === '' ? '/error' : withParams(err.redirectUri, err.params), 302);
  if (err instanceof InjectedFault) return sendErrorPage(reply, err.status, err.code);
  const status = foreignStatus(err);
  if (status === 500) request.log.error({ err }, 'unexpected error on a hosted page');
  return sendErrorPage(reply, status, status === 500 ? 'server_error' : 'invalid_request');
}

/** The browser-facing scope: its errors become pages or redirects, and every answer has the page headers. */
export function browserScope(scope: FastifyInstance, secure: boolean): void {
  scope.setErrorHandler(browserErrorHandler);
  pageHeadersOnEveryResponse(scope, { secure, csp: CONTENT_SECURITY_POLICY });
}

/**
 * Outside every area (/health, unknown paths): an injected fault is answered as a page, as on the
 * hosted pages; any other error goes on to Fastify's own handler.
 */
export function injectedFaultPageHandler(secure: boolean) {
  return (err: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    if (!(err instanceof InjectedFault)) throw err;
    return sendErrorPage(pageHeaders(reply, { secure, csp: CONTENT_SECURITY_POLICY }), err.status, err.code);
  };
}
