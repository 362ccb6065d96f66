// The pool the real-client tests run on: app clients registered for the test app's origin (known
// only once its server listens), configured as Amplify's and oidc-client-ts's docs ask.
import { PASSWORD, POOL_ID, SIGNING_KEYS } from './fixture.js';

export { PASSWORD, POOL_ID };
export const AMPLIFY_CLIENT = 'amplifyclient000000000000a';
export const ROTATING_CLIENT = 'rotatingclient00000000000b';
export const GRACE_SECONDS = 10;

/** A client that rotates refresh tokens (Amplify in Node uses it next to AMPLIFY_CLIENT). */
export const ROTATING_CLIENT_DEF = {
  // Rotation is incompatible with REFRESH_TOKEN_AUTH, so that flow is left out, as Cognito asks.
  ClientId: ROTATING_CLIENT,
  ClientName: 'Amplify app, rotating refresh tokens',
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
  RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: GRACE_SECONDS },
};
export const OIDC_CLIENT = 'oidcspaclient000000000000c';

const SCOPES = ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'];

/**
 * `appOrigin` is http://localhost:<port> of the app; each page is a path on it (/amplify, /oidc).
 * `extraClients` are added to the pool.
 */
export function realClientFixture(appOrigin: string, extraClients: object[] = []): object {
  const page = (name: string) => `${appOrigin}/${name}`;
  return {
    UserPools: [
      {
        Id: POOL_ID,
        Name: 'real clients',
        SigningKeys: SIGNING_KEYS,
        Clients: [
          {
            ClientId: AMPLIFY_CLIENT,
            ClientName: 'Amplify app',
            ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            CallbackURLs: [page('amplify')],
            LogoutURLs: [page('amplify')],
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: SCOPES,
            AllowedOAuthFlowsUserPoolClient: true,
          },
          {
            ClientId: OIDC_CLIENT,
            ClientName: 'oidc-client-ts SPA',
            CallbackURLs: [page('oidc')],
            LogoutURLs: [page('oidc')],
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: SCOPES,
            AllowedOAuthFlowsUserPoolClient: true,
          },
          ...extraClients,
        ],
        Users: [
          {
            Username: 'alice',
            Password: PASSWORD,
            Attributes: { email: 'alice@example.com', email_verified: 'true', given_name: 'Alice', 'custom:tier': 'gold' },
          },
        ],
      },
    ],
  };
}
