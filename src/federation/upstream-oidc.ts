// Talking to a real OIDC provider, as Cognito does
// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-oidc-flow.html):
// endpoints from `oidc_issuer` discovery unless given explicitly, the code exchanged with
// client_secret_post (Cognito "doesn't support client_secret_basic"), the ID token verified
// against the provider's JWKS, then userInfo. Failures become FederationError with the
// error_description Cognito sends back to the app.
import type { JWTVerifyGetKey } from 'jose';
import { jose } from '../crypto/jose.js';
import type { IdentityProvider } from '../domain/model.js';
import { FederationError } from './federation-error.js';

const TIMEOUT_MS = 5000;

export interface OidcEndpoints {
  issuer: string;
  authorize: string;
  token: string;
  jwks: string;
  userInfo?: string;
}

/** JWKS fetchers by URL, so keys are fetched once and refreshed only on an unknown kid (jose's cache). */
const jwksSets = new Map<string, JWTVerifyGetKey>();

async function getJson(
  url: string,
  init: RequestInit,
  what: string,
  provider: IdentityProvider,
): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const timeout = (err as Error).name === 'TimeoutError';
    throw new FederationError(timeout ? `Timeout occurred in calling IdP ${what} endpoint` : 'Connection reset');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok)
    throw new FederationError(`${provider.ProviderName} Error - ${response.status} error getting ${what === 'token' ? 'token' : what}`);
  return { status: response.status, body };
}

export async function oidcEndpoints(provider: IdentityProvider): Promise<OidcEndpoints> {
  const d = provider.ProviderDetails;
  const issuer = d.oidc_issuer ?? '';
  if (d.authorize_url && d.token_url && d.jwks_uri) {
    return {
      issuer,
      authorize: d.authorize_url,
      token: d.token_url,
      jwks: d.jwks_uri,
      ...(d.attributes_url ? { userInfo: d.attributes_url } : {}),
    };
  }
  const { body } = await getJson(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {}, 'discovery', provider);
  const doc = (body ?? {}) as Record<string, unknown>;
  const text = (name: string): string | undefined => (typeof doc[name] === 'string' ? (doc[name] as string) : undefined);
  const authorize = d.authorize_url ?? text('authorization_endpoint');
  const token = d.token_url ?? text('token_endpoint');
  const jwks = d.jwks_uri ?? text('jwks_uri');
  const userInfo = d.attributes_url ?? text('userinfo_endpoint');
  if (!authorize || !token || !jwks) throw new FederationError(`${provider.ProviderName} Error - invalid discovery document`);
  return { issuer, authorize, token, jwks, ...(userInfo ? { userInfo } : {}) };
}

/** The code → tokens → verified claims (+ userInfo) sequence. */
export async function oidcClaims(
  provider: IdentityProvider,
  code: string,
  redirectUri: string,
  nonce: string,
): Promise<Record<string, unknown>> {
  const endpoints = await oidcEndpoints(provider);
  const d = provider.ProviderDetails;
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: d.client_id ?? '' });
  if (d.client_secret) form.set('client_secret', d.client_secret);
  const { body } = await getJson(
    endpoints.token,
    {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    },
    'token',
    provider,
  );
  const tokens = (body ?? {}) as Record<string, unknown>;
  if (typeof tokens.id_token !== 'string')
    throw new FederationError(`${provider.ProviderName} Error - id_token missing in the token response`);
  const { createRemoteJWKSet, jwtVerify } = await jose();
  let keys = jwksSets.get(endpoints.jwks);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(endpoints.jwks), { timeoutDuration: TIMEOUT_MS });
    jwksSets.set(endpoints.jwks, keys);
  }
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(tokens.id_token, keys, { issuer: endpoints.issuer, audience: d.client_id ?? '' }));
  } catch (err) {
    // Wording unconfirmed.
    throw new FederationError(`${provider.ProviderName} Error - invalid id_token (${(err as Error).message})`);
  }
  if (claims.nonce !== undefined && claims.nonce !== nonce)
    throw new FederationError(`${provider.ProviderName} Error - invalid id_token (nonce mismatch)`);
  if (endpoints.userInfo && typeof tokens.access_token === 'string') {
    const post = d.attributes_request_method === 'POST';
    const { body: info } = await getJson(
      endpoints.userInfo,
      {
        method: post ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/json' },
      },
      'user info',
      provider,
    );
    // The ID token's subject wins: userInfo from another subject is refused (OIDC Core §5.3.2).
    const extra = (info ?? {}) as Record<string, unknown>;
    if (extra.sub !== undefined && extra.sub !== claims.sub)
      throw new FederationError(`${provider.ProviderName} Error - userInfo sub mismatch`);
    claims = { ...extra, ...claims };
  }
  return claims;
}
