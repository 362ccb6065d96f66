// /oauth2/authorize with identity_provider or idp_identifier: the browser goes straight to the
// provider's sign-in page (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
// The provider is sent Cognito's parameters: client_id, redirect_uri (our /oauth2/idpresponse),
// scope (authorize_scopes), response_type=code and an opaque state; OIDC providers a nonce too.
// Social and SAML providers are served offline by the emulated provider page.
import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { IdentityProvider } from '../domain/model.js';
import { RedirectableError } from '../errors/oauth-error.js';
import { param, type Query } from '../http/params.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import { withParams } from '../http/params.js';
import type { Store } from '../store/store.js';
import { FederationError } from './federation-error.js';
import type { PendingFederation } from '../state/federations.js';
import { oidcEndpoints } from './upstream-oidc.js';

export const IDP_RESPONSE_PATH = '/oauth2/idpresponse';
export const EMULATED_PAGE_PATH = '/_emulator/idp/authorize';

/** Back to the app with Cognito's error fields (state last, as on the other authorize errors). */
export function federationRedirect(
  req: Pick<AuthorizeRequest, 'redirectUri' | 'state'>,
  description: string,
  error = 'invalid_request',
): RedirectableError {
  return new RedirectableError(req.redirectUri, [
    ['error_description', description],
    ['error', error],
    ...(req.state !== undefined ? [['state', req.state] as const] : []),
  ]);
}

/** The provider the request names, or undefined for the pool's own sign-in page (none given, or COGNITO). */
export function requestedProvider(query: Query, req: AuthorizeRequest, store: Store): IdentityProvider | undefined {
  const name = param(query, 'identity_provider');
  const identifier = param(query, 'idp_identifier');
  if (name === null || identifier === null) throw federationRedirect(req, 'invalid_request');
  if (name === undefined && identifier === undefined) return undefined;
  if (name === 'COGNITO') return undefined;
  const provider =
    name !== undefined
      ? store.getIdentityProvider(req.pool.Id, name)
      : store.listIdentityProviders(req.pool.Id).find((p) => p.IdpIdentifiers.includes(identifier ?? ''));
  // Wording unconfirmed: a provider the client does not offer is refused back to the app.
  if (!provider || !req.client.SupportedIdentityProviders.includes(provider.ProviderName)) {
    throw federationRedirect(req, 'Login option is not available. Please try another one');
  }
  return provider;
}

export const isEmulated = (provider: IdentityProvider) => provider.ProviderType !== 'OIDC';

/** Our /oauth2/idpresponse on the origin the sign-in started on: sent upstream and used for the token request. */
export const idpResponseUrl = (pending: Pick<PendingFederation, 'origin'>) => `${pending.origin}${IDP_RESPONSE_PATH}`;

/**
 * Where the browser goes next: the provider's authorization endpoint (or the emulated page).
 * `origin` is ours for this request (pagesOrigin): PUBLIC_URL, or the https origin a request on the
 * TLS listener used, so a sign-in started there stays there.
 */
export async function startFederation(
  req: AuthorizeRequest,
  provider: IdentityProvider,
  origin: string,
  deps: Pick<Deps, 'federations'>,
): Promise<string> {
  const nonce = randomBytes(24).toString('base64url');
  let authorize: string;
  try {
    authorize = isEmulated(provider) ? `${origin}${EMULATED_PAGE_PATH}` : (await oidcEndpoints(provider)).authorize;
  } catch (err) {
    if (err instanceof FederationError) throw federationRedirect(req, err.message);
    throw err;
  }
  const state = deps.federations.start({ request: req, providerName: provider.ProviderName, nonce, origin });
  const params: Array<[string, string]> = [
    ['client_id', provider.ProviderDetails.client_id ?? ''],
    ['redirect_uri', idpResponseUrl({ origin })],
    ['scope', provider.ProviderDetails.authorize_scopes ?? 'openid'],
    ['response_type', 'code'],
    ['state', state],
  ];
  if (provider.ProviderType === 'OIDC') params.push(['nonce', nonce]);
  return withParams(authorize, params);
}
