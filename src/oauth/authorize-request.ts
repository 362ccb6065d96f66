// Validation of an authorize-style request (/oauth2/authorize, /login, /logout with redirect_uri),
// as small named checks run in a visible order (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
// Until client_id and
// redirect_uri are verified, errors go to Cognito's own /error page; after that, back to the app.
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import type { AppClient, ResourceServer } from '../domain/model.js';
import { grantUserScopes, parseScope } from '../domain/scopes.js';
import { ErrorPageRedirect, RedirectableError } from '../errors/oauth-error.js';
import { param, type Query } from '../http/params.js';
import type { Store } from '../store/store.js';

export function validateAuthorizeRequest(query: Query, store: Store): AuthorizeRequest {
  const client = checkClient(query, store);
  const redirectUri = checkRedirectUri(query, client);
  const state = param(query, 'state');
  const fail = (params: Array<[string, string]>): never => {
    // Cognito echoes state after the error fields it sends
    // (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
    throw new RedirectableError(redirectUri, typeof state === 'string' ? [...params, ['state', state]] : params);
  };
  if (state === null) fail([['error', 'invalid_request']]);
  const responseType = checkResponseType(query, fail);
  checkFlowAllowed(client, responseType, fail);
  const codeChallenge = checkPkce(query, fail);
  const servers = store.listResourceServers(client.UserPoolId);
  const scopes = checkScopes(query, client, servers, redirectUri, state ?? undefined);
  const nonce = param(query, 'nonce');
  const loginHint = param(query, 'login_hint');
  const prompt = param(query, 'prompt');
  if (nonce === null || loginHint === null || prompt === null) fail([['error', 'invalid_request']]);
  const pool = store.getPool(client.UserPoolId);
  if (!pool) throw new ErrorPageRedirect('invalid_request', client.ClientId);
  return {
    pool,
    client,
    redirectUri,
    responseType,
    scopes,
    ...(typeof state === 'string' ? { state } : {}),
    ...(typeof nonce === 'string' ? { nonce } : {}),
    ...(codeChallenge !== undefined ? { codeChallenge } : {}),
    prompt: prompt ? prompt.split(' ').filter(Boolean) : [],
    ...(typeof loginHint === 'string' ? { loginHint } : {}),
  };
}

/**
 * Unknown client (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html, unconfirmed): the error page with
 * invalid_request.
 */
export function checkClient(query: Query, store: Store): AppClient {
  const clientId = param(query, 'client_id');
  const client = typeof clientId === 'string' ? store.getClient(clientId) : undefined;
  if (!client) throw new ErrorPageRedirect('invalid_request', typeof clientId === 'string' ? clientId : undefined);
  // A client without OAuth enabled has no usable callback URLs
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html).
  if (!client.AllowedOAuthFlowsUserPoolClient) throw new ErrorPageRedirect('unauthorized_client', client.ClientId);
  return client;
}

/** Exact string match with a registered callback: a missing trailing slash is a mismatch. */
export function checkRedirectUri(query: Query, client: AppClient): string {
  const redirectUri = param(query, 'redirect_uri');
  if (typeof redirectUri !== 'string' || !client.CallbackURLs.includes(redirectUri)) {
    throw new ErrorPageRedirect('redirect_mismatch', client.ClientId);
  }
  return redirectUri;
}

type Fail = (params: Array<[string, string]>) => never;

function checkResponseType(query: Query, fail: Fail): 'code' | 'token' {
  const responseType = param(query, 'response_type');
  if (responseType !== 'code' && responseType !== 'token') return fail([['error', 'invalid_request']]);
  return responseType;
}

function checkFlowAllowed(client: AppClient, responseType: 'code' | 'token', fail: Fail): void {
  const flow = responseType === 'code' ? 'code' : 'implicit';
  if (!client.AllowedOAuthFlows.includes(flow)) fail([['error', 'unauthorized_client']]);
}

/**
 * S256 only; a challenge needs its method and vice versa
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
 */
function checkPkce(query: Query, fail: Fail): string | undefined {
  const challenge = param(query, 'code_challenge');
  const method = param(query, 'code_challenge_method');
  if (challenge === undefined && method === undefined) return undefined;
  if (method !== 'S256' || typeof challenge !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return fail([['error', 'invalid_request']]);
  }
  return challenge;
}

function checkScopes(query: Query, client: AppClient, servers: ResourceServer[], redirectUri: string, state: string | undefined): string[] {
  const scope = param(query, 'scope');
  const granted = scope === null ? undefined : grantUserScopes(parseScope(scope), client, servers);
  if (granted) return granted;
  // Cognito really answers scope errors this way, in this order
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html, observed).
  const params: Array<[string, string]> = [['error_description', 'invalid_scope']];
  if (state !== undefined) params.push(['state', state]);
  params.push(['error', 'invalid_request']);
  throw new RedirectableError(redirectUri, params);
}
