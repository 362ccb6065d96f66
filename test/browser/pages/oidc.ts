// A single-page app on oidc-client-ts, configured for a Cognito user pool as its users do: the
// pool's issuer as authority (discovery finds the hosted UI, token, revocation and logout
// endpoints), authorization code with PKCE, refresh by refresh token. Cognito's /logout wants
// client_id and logout_uri, so signoutRedirect passes them as extraQueryParams.
import { UserManager, type User } from 'oidc-client-ts';
import type { OidcConfig, OidcPage, OidcUserView } from '../page-api.js';
import { appConfig, expose } from './expose.js';

const config = appConfig<OidcConfig>();
const manager = new UserManager({
  authority: config.authority,
  client_id: config.clientId,
  redirect_uri: config.redirectUri,
  post_logout_redirect_uri: config.logoutUri,
  response_type: 'code',
  scope: 'openid email profile',
  automaticSilentRenew: false,
});

const view = (user: User | null): OidcUserView | null =>
  user && {
    accessToken: user.access_token,
    idToken: user.id_token,
    refreshToken: user.refresh_token,
    expiresAt: user.expires_at,
    profile: { ...user.profile },
  };

// The redirect back from the hosted UI lands here with ?code=...&state=...
let callback: OidcUserView | null = null;
if (new URLSearchParams(location.search).has('code')) {
  callback = view(await manager.signinRedirectCallback());
  history.replaceState(null, '', location.pathname);
}

const api: OidcPage = {
  signinRedirect: () => manager.signinRedirect(),
  callbackResult: async () => callback,
  user: async () => view(await manager.getUser()),
  signinSilent: async () => view(await manager.signinSilent()),
  revokeRefreshToken: () => manager.revokeTokens(['refresh_token']),
  async signoutRedirect() {
    await manager.removeUser();
    await manager.signoutRedirect({ extraQueryParams: { client_id: config.clientId, logout_uri: config.logoutUri } });
  },
};
expose(api);
