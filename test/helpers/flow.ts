// Reusable HTTP-level steps of the hosted-UI code flow, driven through app.inject():
// authorize → GET /login → POST /login → code, then POST /oauth2/token, and a relying party's
// token check (JWKS from the app, jose createLocalJWKSet + jwtVerify with issuer and audience).
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { cookieHeader, responseCookies } from './html.js';
import { CALLBACK, PASSWORD, POOL_ID, PUBLIC_CLIENT } from './fixtures/index.js';
import { PUBLIC_URL } from './harness.js';

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

export const FORM = 'application/x-www-form-urlencoded';

/** `a=1&b=2` with URLSearchParams' encoding (what browsers send for forms). */
export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

export function basicAuth(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

/** POSTs a urlencoded form; `cookies` becomes the Cookie header. */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  opts: { cookies?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Injected> {
  const headers: Record<string, string> = { 'content-type': FORM, ...opts.headers };
  if (opts.cookies && Object.keys(opts.cookies).length > 0) headers.cookie = cookieHeader(opts.cookies);
  return app.inject({ method: 'POST', url, headers, payload: formBody(fields) });
}

/** RFC 7636 S256 pair. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeParams {
  clientId?: string;
  redirectUri?: string;
  responseType?: string;
  scope?: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  /** Any further query parameters (login_hint, prompt, …). */
  extra?: Record<string, string>;
}

/** The authorize query string (client and redirect default to the fixture's public client). */
export function authorizeQuery(p: AuthorizeParams = {}): string {
  const q: Record<string, string> = {
    response_type: p.responseType ?? 'code',
    client_id: p.clientId ?? PUBLIC_CLIENT,
    redirect_uri: p.redirectUri ?? CALLBACK,
  };
  if (p.scope !== undefined) q.scope = p.scope;
  if (p.state !== undefined) q.state = p.state;
  if (p.nonce !== undefined) q.nonce = p.nonce;
  if (p.codeChallenge !== undefined) {
    q.code_challenge = p.codeChallenge;
    q.code_challenge_method = 'S256';
  }
  return new URLSearchParams({ ...q, ...p.extra }).toString();
}

/** The `_csrf` hidden field of a hosted page (the same in both copies of the form). */
export function csrfField(body: string): string | undefined {
  return /<input type="hidden" name="_csrf" value="([^"]*)"\/>/.exec(body)?.[1];
}

export interface LoginPage {
  query: string;
  res: Injected;
  /** Cookies to send with the form POST (XSRF-TOKEN). */
  cookies: Record<string, string>;
  csrf: string;
}

/** GET /oauth2/authorize (must redirect to /login) then GET /login: the form ready to post. */
export async function openLoginPage(app: FastifyInstance, p: AuthorizeParams = {}): Promise<LoginPage> {
  const query = authorizeQuery(p);
  const authorize = await app.inject({ url: `/oauth2/authorize?${query}` });
  // Absolute, on the app's PUBLIC_URL (whatever a test configured).
  const location =
    typeof authorize.headers.location === 'string' && URL.canParse(authorize.headers.location) ? new URL(authorize.headers.location) : null;
  if (authorize.statusCode !== 302 || location?.pathname !== '/login' || location.search !== `?${query}`) {
    throw new Error(`authorize did not redirect to /login: ${authorize.statusCode} ${String(authorize.headers.location)}`);
  }
  const res = await app.inject({ url: `/login?${query}` });
  const cookies = responseCookies(res);
  const csrf = csrfField(res.body);
  if (res.statusCode !== 200 || csrf === undefined || cookies['XSRF-TOKEN'] === undefined) {
    throw new Error(`GET /login did not render the form: ${res.statusCode}`);
  }
  return { query, res, cookies: { 'XSRF-TOKEN': cookies['XSRF-TOKEN'] }, csrf };
}

/** POST /login with the page's CSRF token and cookie. */
export function submitLogin(app: FastifyInstance, page: LoginPage, username: string, password: string): Promise<Injected> {
  return postForm(
    app,
    `/login?${page.query}`,
    {
      _csrf: page.csrf,
      username,
      password,
      cognitoAsfData: '',
      signInSubmitButton: 'Sign in',
    },
    { cookies: page.cookies },
  );
}

export interface SignedIn {
  res: Injected;
  location: URL;
  code: string;
  /** Cookies set by the sign-in response (cognito session, fresh XSRF-TOKEN). */
  cookies: Record<string, string>;
}

/** authorize → GET /login → POST /login; returns the code from the callback redirect. */
export async function signIn(app: FastifyInstance, p: AuthorizeParams & { username?: string; password?: string } = {}): Promise<SignedIn> {
  const page = await openLoginPage(app, p);
  const res = await submitLogin(app, page, p.username ?? 'alice', p.password ?? PASSWORD);
  const location = res.headers.location;
  if (res.statusCode !== 302 || typeof location !== 'string')
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const url = new URL(location);
  const code = url.searchParams.get('code');
  if (code === null) throw new Error(`no code in ${location}`);
  return { res, location: url, code, cookies: responseCookies(res) };
}

export interface TokenRequest {
  code: string;
  clientId?: string;
  /** Sent as client_secret_basic unless `secretInBody`. */
  secret?: string;
  secretInBody?: boolean;
  redirectUri?: string;
  codeVerifier?: string;
}

/** POST /oauth2/token with grant_type=authorization_code. */
export function redeemCode(app: FastifyInstance, r: TokenRequest): Promise<Injected> {
  const clientId = r.clientId ?? PUBLIC_CLIENT;
  const fields: Record<string, string> = { grant_type: 'authorization_code', code: r.code, redirect_uri: r.redirectUri ?? CALLBACK };
  const headers: Record<string, string> = {};
  if (r.secret !== undefined && !r.secretInBody) headers.authorization = basicAuth(clientId, r.secret);
  else fields.client_id = clientId;
  if (r.secret !== undefined && r.secretInBody) fields.client_secret = r.secret;
  if (r.codeVerifier !== undefined) fields.code_verifier = r.codeVerifier;
  return postForm(app, '/oauth2/token', fields, { headers });
}

export interface Tokens {
  id_token?: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
}

/** The whole flow: sign in, redeem the code, return the token endpoint's JSON (throws on failure). */
export async function signInForTokens(
  app: FastifyInstance,
  p: AuthorizeParams & { username?: string; password?: string; secret?: string } = {},
): Promise<Tokens> {
  const { code } = await signIn(app, p);
  const res = await redeemCode(app, {
    code,
    ...(p.clientId !== undefined ? { clientId: p.clientId } : {}),
    ...(p.secret !== undefined ? { secret: p.secret } : {}),
    ...(p.redirectUri !== undefined ? { redirectUri: p.redirectUri } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`token endpoint: ${res.statusCode} ${res.body}`);
  return res.json() as Tokens;
}

/** The pool's JWKS as served by the app. */
export async function fetchJwks(app: FastifyInstance, poolId = POOL_ID): Promise<JSONWebKeySet> {
  const res = await app.inject({ url: `/${poolId}/.well-known/jwks.json` });
  if (res.statusCode !== 200) throw new Error(`JWKS: ${res.statusCode}`);
  return res.json() as JSONWebKeySet;
}

/** The default issuer of testEmulator (ISSUER_URL unset): `{publicUrl}/{userPoolId}`. */
export const issuerOf = (poolId = POOL_ID): string => `${PUBLIC_URL}/${poolId}`;

/**
 * Verifies a token as a relying party would: signature against the app's JWKS, issuer, and (for ID
 * tokens) audience. `now` lets tests that moved the app's clock verify at the app's time.
 */
export async function verifyToken(
  app: FastifyInstance,
  token: string,
  opts: { poolId?: string; issuer?: string; audience?: string; now?: number } = {},
): Promise<{ payload: JWTPayload & Record<string, unknown>; protectedHeader: ProtectedHeaderParameters }> {
  const poolId = opts.poolId ?? POOL_ID;
  const jwks = createLocalJWKSet(await fetchJwks(app, poolId));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    issuer: opts.issuer ?? issuerOf(poolId),
    algorithms: ['RS256'],
    ...(opts.audience !== undefined ? { audience: opts.audience } : {}),
    ...(opts.now !== undefined ? { currentDate: new Date(opts.now) } : {}),
  });
  return { payload: payload as JWTPayload & Record<string, unknown>, protectedHeader };
}

/** The decoded JSON of one base64url part of a compact JWS/JWE (0 = header, 1 = payload). */
export function decodePart(token: string, index = 0): Record<string, unknown> {
  const part = token.split('.')[index];
  if (part === undefined) throw new Error('no such part');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const REFRESH_PREFIX = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.';
