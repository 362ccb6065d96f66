// Steps beyond the code flow in flow.ts, for the issue-3 endpoints: client_credentials, the
// implicit flow's fragment, userInfo, revoke, the hosted-UI session cookie and /logout.
import type { FastifyInstance } from 'fastify';
import { M2M_CLIENT, M2M_SECRET, PASSWORD } from './fixtures/index.js';
import { basicAuth, openLoginPage, postForm, submitLogin, type AuthorizeParams } from './flow.js';
import { cookieHeader } from './html.js';

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

export const NO_STORE = 'no-cache, no-store, max-age=0, must-revalidate';
export const BAD_REQUEST_AUTH = 'error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"';
export const INVALID_TOKEN_AUTH =
  'error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."';
export const NO_OPENID_AUTH = 'error="invalid_token", error_description="Access token does not contain openid scope"';

/** POST /oauth2/token grant_type=client_credentials; Basic auth unless `post` (secret in the body). */
export function clientCredentials(
  app: FastifyInstance,
  opts: { clientId?: string; secret?: string; scope?: string; post?: boolean } = {},
): Promise<Injected> {
  const clientId = opts.clientId ?? M2M_CLIENT;
  const secret = opts.secret ?? M2M_SECRET;
  const fields: Record<string, string> = { grant_type: 'client_credentials' };
  if (opts.scope !== undefined) fields.scope = opts.scope;
  if (opts.post) return postForm(app, '/oauth2/token', { ...fields, client_id: clientId, client_secret: secret });
  return postForm(app, '/oauth2/token', fields, { headers: { authorization: basicAuth(clientId, secret) } });
}

/** The fragment parameters of a Location (implicit flow), in order. */
export function fragmentParams(location: string): Array<[string, string]> {
  const hash = new URL(location).hash;
  return [...new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)];
}

/** authorize → GET /login → POST /login with response_type=token; returns the sign-in response. */
export async function signInImplicit(
  app: FastifyInstance,
  p: AuthorizeParams & { username?: string; password?: string } = {},
): Promise<Injected> {
  const page = await openLoginPage(app, { ...p, responseType: 'token' });
  return submitLogin(app, page, p.username ?? 'alice', p.password ?? PASSWORD);
}

/** GET (default) or POST /oauth2/userInfo with a bearer token (or none). */
export function userInfo(app: FastifyInstance, token: string | undefined, method: 'GET' | 'POST' = 'GET'): Promise<Injected> {
  return app.inject({
    method,
    url: '/oauth2/userInfo',
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

/** POST /oauth2/revoke: client_id in the body, or Basic auth when a secret is given. */
export function revoke(
  app: FastifyInstance,
  fields: Record<string, string>,
  opts: { clientId?: string; secret?: string } = {},
): Promise<Injected> {
  if (opts.secret !== undefined && opts.clientId !== undefined) {
    return postForm(app, '/oauth2/revoke', fields, { headers: { authorization: basicAuth(opts.clientId, opts.secret) } });
  }
  return postForm(app, '/oauth2/revoke', opts.clientId !== undefined ? { ...fields, client_id: opts.clientId } : fields);
}

/** POST /oauth2/token grant_type=refresh_token for a public client. */
export function refresh(app: FastifyInstance, refreshToken: string, clientId: string): Promise<Injected> {
  return postForm(app, '/oauth2/token', { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
}

/** The raw Set-Cookie header lines of a response. */
export function setCookieLines(res: Injected): string[] {
  const h = res.headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? h : [h];
}

/** The one Set-Cookie line for `name` (throws when there is not exactly one). */
export function setCookieLine(res: Injected, name: string): string {
  const lines = setCookieLines(res).filter((l) => l.startsWith(`${name}=`));
  if (lines.length !== 1)
    throw new Error(`expected one Set-Cookie for ${name}, got ${lines.length}: ${JSON.stringify(setCookieLines(res))}`);
  return lines[0] as string;
}

/** The attributes of a Set-Cookie line, lower-cased names → values ('' for flags). */
export function cookieAttributes(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of line.split(';').slice(1)) {
    const [k, ...v] = part.trim().split('=');
    if (k) out[k.toLowerCase()] = v.join('=');
  }
  return out;
}

/** GET with the session cookie (if any). */
export function getWithSession(app: FastifyInstance, url: string, session: string | undefined): Promise<Injected> {
  return app.inject({ url, headers: session === undefined ? {} : { cookie: cookieHeader({ cognito: session }) } });
}
