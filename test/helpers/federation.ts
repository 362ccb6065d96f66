// Federation tests: a downstream emulator whose pool federates to an upstream emulator (a real
// OIDC provider) and to the emulated Google and SAML providers; the redirects are followed
// with fetch as a browser would, cookies kept per origin.
import type { Test } from 'tap';
import { CALLBACK, EMAIL_POOL_SIGNING_KEYS, PASSWORD, POOL_ID, SECRET, SECRET_CLIENT } from './fixtures/index.js';
import { testEmulator, type ListeningEmulator } from './harness.js';
import type { TriggerHandler } from '../../src/triggers/in-process.js';
import { hostedLogin } from './hosted-login.js';

export const DOWN_POOL = 'us-east-1_Downstream';
export const DOWN_CLIENT = 'downstreamapp0000000000000';
export const GOOGLE_SUB = '117300206013007398924';
export const ARN = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

export function downstreamFixture(lambdaConfig?: Record<string, string>): object {
  return {
    UserPools: [
      {
        Id: DOWN_POOL,
        Name: 'downstream',
        SigningKeys: EMAIL_POOL_SIGNING_KEYS,
        ...(lambdaConfig ? { LambdaConfig: lambdaConfig } : {}),
        IdentityProviders: [
          {
            ProviderName: 'Upstream',
            ProviderType: 'OIDC',
            IdpIdentifiers: ['upstream.example'],
            // The real issuer is known once the upstream listens: the test updates it.
            ProviderDetails: {
              client_id: SECRET_CLIENT,
              client_secret: SECRET,
              authorize_scopes: 'openid email',
              attributes_request_method: 'GET',
              oidc_issuer: 'http://127.0.0.1:9/none',
            },
            AttributeMapping: { email: 'email', given_name: 'given_name' },
          },
          {
            ProviderName: 'Google',
            ProviderType: 'Google',
            AttributeMapping: { email: 'email', given_name: 'given_name', 'custom:team': 'hd' },
            EmulatedIdentities: [{ sub: GOOGLE_SUB, email: 'gina@example.com', given_name: 'Gina', hd: 'example.com' }],
          },
          { ProviderName: 'Corp', ProviderType: 'SAML', AttributeMapping: { email: 'email' } },
        ],
        Clients: [
          {
            ClientId: DOWN_CLIENT,
            ClientName: 'app',
            CallbackURLs: [CALLBACK],
            AllowedOAuthFlows: ['code', 'implicit'],
            ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            AllowedOAuthScopes: ['openid', 'email', 'profile'],
            SupportedIdentityProviders: ['COGNITO', 'Upstream', 'Google', 'Corp'],
          },
        ],
        Users: [{ Username: 'native', Password: PASSWORD, Attributes: { email: 'native@example.com', given_name: 'Nat' } }],
      },
    ],
  };
}

export interface Pair {
  up: ListeningEmulator;
  down: ListeningEmulator;
}

/** The upstream (TEST_FIXTURE: alice, the confidential client) and the downstream, wired to each other. */
export async function startPair(t: Test, triggers?: Record<string, TriggerHandler>, lambdaConfig?: Record<string, string>): Promise<Pair> {
  const up = await testEmulator(t, { listen: true });
  const down = await testEmulator(t, { listen: true, fixture: downstreamFixture(lambdaConfig), ...(triggers ? { triggers } : {}) });
  const client = up.deps.store.getClient(SECRET_CLIENT);
  if (!client) throw new Error('upstream client missing');
  await up.deps.store.putClient({ ...client, CallbackURLs: [...client.CallbackURLs, `${down.url}/oauth2/idpresponse`] });
  const provider = down.deps.store.getIdentityProvider(DOWN_POOL, 'Upstream');
  if (!provider) throw new Error('downstream provider missing');
  await down.deps.store.putIdentityProvider({
    ...provider,
    ProviderDetails: { ...provider.ProviderDetails, oidc_issuer: `${up.url}/${POOL_ID}` },
  });
  return { up, down };
}

export function authorizeUrl(down: ListeningEmulator, params: Record<string, string>): URL {
  const url = new URL(`${down.url}/oauth2/authorize`);
  const all = {
    response_type: 'code',
    client_id: DOWN_CLIENT,
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    state: 'app-state',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return url;
}

/** A manual-redirect GET; returns the Location. */
export async function follow(url: URL | string, cookie = ''): Promise<URL> {
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  if (response.status !== 302) throw new Error(`${String(url)} answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get('location') ?? '', url);
}

/** downstream authorize → upstream hosted sign-in as `username` → downstream idpresponse → the app's callback. */
export async function federateThroughUpstream(
  down: ListeningEmulator,
  params: Record<string, string>,
  username = 'alice',
  password = PASSWORD,
): Promise<{ upstreamAuthorize: URL; callback: URL }> {
  const upstreamAuthorize = await follow(authorizeUrl(down, params));
  const { location } = await hostedLogin(upstreamAuthorize, username, password);
  const callback = await follow(location);
  return { upstreamAuthorize, callback };
}
