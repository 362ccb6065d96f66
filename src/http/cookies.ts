// Cookies of the hosted UI, with Cognito's attributes (https://docs.aws.amazon.com/cognito/latest/developerguide/login-endpoint.html):
// HttpOnly, SameSite=Lax,
// Path=/, Secure when PUBLIC_URL is https or the request came over the TLS listener.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { newUuid } from '../domain/ids.js';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const SESSION_COOKIE = 'cognito';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const value = request.cookies[name];
  return typeof value === 'string' && value !== '' && value.length <= 512 ? value : undefined;
}

/** A fresh CSRF token, set as the XSRF-TOKEN cookie; the form carries the same value in `_csrf`. */
export function issueXsrfToken(reply: FastifyReply, secure: boolean): string {
  const token = newUuid();
  reply.setCookie(XSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureFor(reply, secure) });
  return token;
}

/** The session cookie lives as long as the session (`maxAgeSeconds`). */
export function setSessionCookie(reply: FastifyReply, sessionId: string, maxAgeSeconds: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureFor(reply, secure),
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, '', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureFor(reply, secure),
    maxAge: 0,
    expires: new Date(0),
  });
}

/** `publicSecure` (PUBLIC_URL is https, e.g. behind a TLS proxy) or this request arrived over TLS. */
function secureFor(reply: FastifyReply, publicSecure: boolean): boolean {
  return publicSecure || reply.request.protocol === 'https';
}
