// What every hosted page with a form shares: reading posted fields, the CSRF check (the `_csrf`
// field must equal the XSRF-TOKEN cookie, as on Cognito's pages), the query the page's links and
// form carry on, and sending a page with a fresh CSRF token.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { safeEqual } from '../domain/passwords.js';
import { issueXsrfToken, readCookie, XSRF_COOKIE } from '../http/cookies.js';
import { pagesOrigin } from '../http/page-origin.js';
import type { SafeHtml } from './html.js';
import { link } from './pages.js';

export type Body = Record<string, unknown> | undefined;

/** A posted text field (undefined when absent, not a string, or absurdly long). */
export const field = (body: Body, name: string): string | undefined => {
  const value = body?.[name];
  return typeof value === 'string' && value.length <= 4096 ? value : undefined;
};

export function csrfMatches(request: FastifyRequest, body: Body): boolean {
  const cookie = readCookie(request, XSRF_COOKIE);
  const sent = field(body, '_csrf');
  return cookie !== undefined && sent !== undefined && safeEqual(cookie, sent);
}

/** Parameters one page passes to the next; never part of the query the app's links carry. */
const PAGE_PARAMS = ['username'];

/**
 * The authorize query the page was opened with (client_id, redirect_uri, state, …), which every
 * link and form on the page carries on, as Cognito's pages do. `extra` adds page parameters.
 */
export function pageQuery(request: FastifyRequest, extra: Record<string, string> = {}): string {
  const q = request.url.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : request.url.slice(q + 1));
  for (const name of PAGE_PARAMS) params.delete(name);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

/** The path and query this request came with: the form posts back to it (relative, like Cognito's). */
export const formAction = (request: FastifyRequest, path: string) => {
  const q = request.url.indexOf('?');
  return q < 0 ? path : path + request.url.slice(q);
};

/** Sends a page; `build` gets the fresh CSRF token the page's forms carry. */
export function sendPage(reply: FastifyReply, deps: Deps, status: number, build: (csrf: string) => SafeHtml) {
  const csrf = issueXsrfToken(reply, deps.urls.secure);
  return reply.code(status).type('text/html; charset=utf-8').send(build(csrf).value);
}

/** A redirect between the hosted pages: absolute (pagesOrigin). */
export function redirectToPage(request: FastifyRequest, reply: FastifyReply, deps: Deps, path: string, query: string) {
  return reply.redirect(`${pagesOrigin(request, deps)}${link(path, query)}`, 302);
}
