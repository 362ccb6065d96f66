// Shared by the self-service page tests (signup, forgot-password; their fixture is verifyingFixture
// in fixtures/base.ts): the steps a scraping script takes on those pages (open the page, read its
// CSRF token and cookie, post the form). Not a test file itself.
import type { FastifyInstance } from 'fastify';
import { authorizeQuery, csrfField, postForm, type AuthorizeParams } from './flow.js';
import { responseCookies } from './html.js';

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

export interface OpenPage {
  res: Injected;
  csrf: string;
  cookies: Record<string, string>;
}

/** GET a hosted page (path with its query) and keep what a POST of its form needs. */
export async function openPage(app: FastifyInstance, pathAndQuery: string): Promise<OpenPage> {
  const res = await app.inject({ url: pathAndQuery });
  const csrf = csrfField(res.body);
  const xsrf = responseCookies(res)['XSRF-TOKEN'];
  if (res.statusCode !== 200 || csrf === undefined || xsrf === undefined) throw new Error(`GET ${pathAndQuery}: ${res.statusCode}`);
  return { res, csrf, cookies: { 'XSRF-TOKEN': xsrf } };
}

/** Posts the page's form (to `action`, or the page's own URL) with its CSRF pair. */
export function postPage(app: FastifyInstance, page: OpenPage, action: string, fields: Record<string, string>): Promise<Injected> {
  return postForm(app, action, { _csrf: page.csrf, ...fields }, { cookies: page.cookies });
}

export const query = (p: AuthorizeParams = {}) => authorizeQuery({ state: 'st-1', scope: 'openid email', ...p });
