// The requests the benchmark makes against the emulator: the hosted sign-in (authorize → GET
// /login → POST /login with the XSRF cookie), the three token grants, and JSON API calls.
import type { Pool } from 'undici';
import { BenchFailure, cookies, header, send } from './load.js';
import { BACKEND_CLIENT, BACKEND_SECRET, CALLBACK, PASSWORD, POOL_ID, RESOURCE, WEB_CLIENT } from './fixtures.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
export const AMZ = (op: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
});

const AUTHORIZE_QUERY = new URLSearchParams({
  response_type: 'code',
  client_id: WEB_CLIENT,
  redirect_uri: CALLBACK,
  scope: 'openid email profile',
  state: 'bench',
}).toString();

/** GET /login + POST /login: returns the authorization code. */
export async function signIn(pool: Pool, username: string, viaAuthorize: boolean): Promise<string> {
  let loginPath = `/login?${AUTHORIZE_QUERY}`;
  if (viaAuthorize) {
    const authorize = await send(pool, 302, { method: 'GET', path: `/oauth2/authorize?${AUTHORIZE_QUERY}` });
    // Cognito's Location is absolute; the bench keeps talking to its own pool of connections.
    const location = header(authorize.headers, 'location') ?? '';
    const url = URL.canParse(location) ? new URL(location) : undefined;
    if (url?.pathname !== '/login') throw new BenchFailure(`authorize redirected to ${location}`);
    loginPath = url.pathname + url.search;
  }
  const page = await send(pool, 200, { method: 'GET', path: loginPath });
  const csrf = cookies(page.headers).get('XSRF-TOKEN');
  if (!csrf || !page.text.includes(`name="_csrf" value="${csrf}"`))
    throw new BenchFailure('login page without matching _csrf / XSRF-TOKEN');
  const posted = await send(pool, 302, {
    method: 'POST',
    path: loginPath,
    headers: { ...FORM, cookie: `XSRF-TOKEN=${csrf}` },
    body: new URLSearchParams({ _csrf: csrf, username, password: PASSWORD, signInSubmitButton: 'Sign in' }).toString(),
  });
  const location = header(posted.headers, 'location') ?? '';
  const code = location.startsWith(CALLBACK) ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new BenchFailure(`sign-in redirected to ${location.slice(0, 120)}`);
  return code;
}

function tokensOf(text: string, want: string[]): Record<string, string> {
  const json = JSON.parse(text) as Record<string, string>;
  for (const name of want) if (typeof json[name] !== 'string') throw new BenchFailure(`response without ${name}`);
  return json;
}

export async function exchangeCode(pool: Pool, code: string): Promise<string> {
  const res = await send(pool, 200, {
    method: 'POST',
    path: '/oauth2/token',
    headers: FORM,
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: WEB_CLIENT, code, redirect_uri: CALLBACK }).toString(),
  });
  return tokensOf(res.text, ['access_token', 'id_token', 'refresh_token']).refresh_token ?? '';
}

/** A refresh request body per token, built once: the load loop does no per-request encoding. */
export const refreshBody = (refreshToken: string) =>
  new URLSearchParams({ grant_type: 'refresh_token', client_id: WEB_CLIENT, refresh_token: refreshToken }).toString();

export async function refreshGrant(pool: Pool, body: string): Promise<void> {
  const res = await send(pool, 200, { method: 'POST', path: '/oauth2/token', headers: FORM, body });
  if (!res.text.includes('"access_token"') || !res.text.includes('"id_token"')) throw new BenchFailure('refresh response without tokens');
}

const BASIC = `Basic ${Buffer.from(`${BACKEND_CLIENT}:${BACKEND_SECRET}`).toString('base64')}`;
const CC_BODY = new URLSearchParams({ grant_type: 'client_credentials', scope: `${RESOURCE}/read` }).toString();

export async function clientCredentials(pool: Pool): Promise<void> {
  const res = await send(pool, 200, { method: 'POST', path: '/oauth2/token', headers: { ...FORM, authorization: BASIC }, body: CC_BODY });
  if (!res.text.includes('"access_token"')) throw new BenchFailure('client_credentials response without access_token');
}

/** The JSON API's InitiateAuth (ours and cognito-local's): body built once per token. */
export const initiateRefreshBody = (clientId: string, refreshToken: string) =>
  JSON.stringify({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } });

export async function initiateAuthRefresh(pool: Pool, body: string): Promise<void> {
  const res = await send(pool, 200, { method: 'POST', path: '/', headers: AMZ('InitiateAuth'), body });
  if (!res.text.includes('"AccessToken"') || !res.text.includes('"IdToken"'))
    throw new BenchFailure('InitiateAuth response without tokens');
}

/** USER_PASSWORD_AUTH through the JSON API: returns the refresh token. */
export async function passwordAuth(pool: Pool, clientId: string, username: string, password = PASSWORD): Promise<string> {
  const res = await send(pool, 200, {
    method: 'POST',
    path: '/',
    headers: AMZ('InitiateAuth'),
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  const result = (JSON.parse(res.text) as { AuthenticationResult?: { RefreshToken?: string } }).AuthenticationResult;
  if (!result?.RefreshToken) throw new BenchFailure(`USER_PASSWORD_AUTH without RefreshToken: ${res.text.slice(0, 200)}`);
  return result.RefreshToken;
}

/** ListUsers with an exact email filter; fails unless exactly the expected user comes back. */
export async function listUsersByEmail(pool: Pool, email: string, username: string): Promise<void> {
  const res = await send(pool, 200, {
    method: 'POST',
    path: '/',
    headers: AMZ('ListUsers'),
    body: JSON.stringify({ UserPoolId: POOL_ID, Filter: `email = "${email}"` }),
  });
  const users = (JSON.parse(res.text) as { Users?: Array<{ Username?: string }> }).Users;
  if (users?.length !== 1 || users[0]?.Username !== username) throw new BenchFailure(`ListUsers ${email}: ${res.text.slice(0, 200)}`);
}
