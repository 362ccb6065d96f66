// The origin of the hosted pages for one request, for the absolute redirects between them.
import type { FastifyRequest } from 'fastify';
import type { Urls } from '../urls.js';

/**
 * Where the hosted pages live for this request, for absolute redirects between them (Cognito's are
 * absolute, on its domain): PUBLIC_URL, except for a request that came in on the TLS listener
 * while PUBLIC_URL is plain http, which stays on the https origin it used (its Host, when that is
 * a plain host[:port]; the browser is only ever sent back to the host it asked).
 */
export function pagesOrigin(request: FastifyRequest, deps: { urls: Urls }): string {
  const host = request.headers.host;
  if (request.protocol === 'https' && !deps.urls.secure && typeof host === 'string' && /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) {
    return `https://${host}`;
  }
  return deps.urls.publicUrl;
}
