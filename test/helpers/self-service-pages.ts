// Shared by the self-service page tests (signup, forgot-password): a fixture whose pools
// auto-verify email, and the steps a scraping script takes on those pages (open the page, read its
// CSRF token and cookie, post the form). Not a test file itself.
import type { FastifyInstance } from 'fastify';
import { TEST_FIXTURE } from './fixture.js';
import { authorizeQuery, csrfField, postForm, responseCookies, type AuthorizeParams } from './flow.js';

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

/** TEST_FIXTURE with email auto-verification in both pools (so sign-up sends a code). */
export function verifyingFixture(changes: Record<string, unknown> = {}): typeof TEST_FIXTURE {
  const fixture = structuredClone(TEST_FIXTURE);
  for (const pool of fixture.UserPools as unknown as Array<Record<string, unknown>>)
    Object.assign(pool, { AutoVerifiedAttributes: ['email'], ...changes });
  return fixture;
}

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
