// OIDC federation between two emulators: the downstream pool's "Upstream" provider is the
// upstream emulator. openid-client drives the app side and verifies the resulting tokens.
import t from 'tap';
import * as client from 'openid-client';
import { AdminGetUserCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CALLBACK, POOL_ID, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { sdkClient } from '../helpers/sdk.js';
import { DOWN_CLIENT, DOWN_POOL, federateThroughUpstream, follow, authorizeUrl, startPair, ARN } from '../helpers/federation.js';

const events: Array<Record<string, unknown>> = [];
const record = async (event: Record<string, unknown>) => {
  events.push(structuredClone(event));
  return event;
};
const { up, down } = await startPair(
  t,
  { presignup: record, postconfirmation: record, preauth: record, postauth: record },
  {
    PreSignUp: ARN('presignup'),
    PostConfirmation: ARN('postconfirmation'),
    PreAuthentication: ARN('preauth'),
    PostAuthentication: ARN('postauth'),
  },
);
const alice = up.deps.store.getUser(POOL_ID, 'alice');
if (!alice) throw new Error('alice missing');
const aliceSub = alice.Attributes.sub ?? '';
const username = `upstream_${aliceSub}`;
const sdk = sdkClient(down.url);
t.teardown(() => sdk.destroy());

t.test('identity_provider: upstream sign-in, user created, tokens verified by openid-client', async (t) => {
  const config = await client.discovery(new URL(`${down.url}/${DOWN_POOL}`), DOWN_CLIENT, undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = `${client.randomState()}-custom`;
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    state,
    nonce,
    identity_provider: 'Upstream',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const { upstreamAuthorize, callback } = await federateThroughUpstream(down, Object.fromEntries(url.searchParams));
  // Cognito's parameters to the provider.
  t.equal(upstreamAuthorize.origin + upstreamAuthorize.pathname, `${up.url}/oauth2/authorize`);
  t.equal(upstreamAuthorize.searchParams.get('client_id'), SECRET_CLIENT);
  t.equal(upstreamAuthorize.searchParams.get('redirect_uri'), `${down.url}/oauth2/idpresponse`);
  t.equal(upstreamAuthorize.searchParams.get('scope'), 'openid email');
  t.equal(upstreamAuthorize.searchParams.get('response_type'), 'code');
  t.not(upstreamAuthorize.searchParams.get('state'), state, "the provider sees our own state, not the app's");
  t.equal(callback.origin + callback.pathname, CALLBACK);
  t.equal(callback.searchParams.get('state'), state, "the app's state comes back byte for byte");

  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  t.equal(claims['cognito:username'], username);
  t.strictSame(claims['cognito:groups'], [`${DOWN_POOL}_Upstream`]);
  t.equal(claims.email, 'alice@example.com');
  t.equal(claims.given_name, 'Alice');
  const identities = claims.identities as Array<Record<string, unknown>>;
  t.match(identities, [
    { userId: aliceSub, providerName: 'Upstream', providerType: 'OIDC', issuer: null, primary: 'true', dateCreated: /^\d{13}$/ },
  ]);
  const access = JSON.parse(Buffer.from(tokens.access_token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
  t.equal(access.username, username, 'Amplify reads the username from the access token');

  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: DOWN_POOL, Username: username }));
  t.equal(user.UserStatus, 'EXTERNAL_PROVIDER');
  const attrs = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
  t.equal(attrs.email, 'alice@example.com');
  t.match(JSON.parse(attrs.identities ?? '[]'), [
    { userId: aliceSub, providerName: 'Upstream', providerType: 'OIDC', issuer: null, primary: true, dateCreated: Number },
  ]);
  const listed = await sdk.send(new ListUsersCommand({ UserPoolId: DOWN_POOL, Filter: `username = "${username}"` }));
  t.equal(listed.Users?.[0]?.UserStatus, 'EXTERNAL_PROVIDER');
  t.same(
    events.map((e) => e.triggerSource),
    ['PreSignUp_ExternalProvider', 'PostConfirmation_ConfirmSignUp'],
  );
  t.equal(events[0]?.userName, username);
  t.match(events[0]?.request, { userAttributes: { email: 'alice@example.com' } });
});

t.test('second sign-in by idp_identifier: the same user, PreAuthentication / PostAuthentication', async (t) => {
  events.length = 0;
  const { callback } = await federateThroughUpstream(down, { idp_identifier: 'upstream.example' });
  t.ok(callback.searchParams.get('code'));
  t.same(
    events.map((e) => e.triggerSource),
    ['PreAuthentication_Authentication', 'PostAuthentication_Authentication'],
  );
  t.equal(down.deps.store.listUsers(DOWN_POOL).filter((u) => u.UserStatus === 'EXTERNAL_PROVIDER').length, 1);
});

t.test('upstream errors come back to the app as Cognito sends them', async (t) => {
  const provider = down.deps.store.getIdentityProvider(DOWN_POOL, 'Upstream');
  if (!provider) throw new Error('provider missing');
  await down.deps.store.putIdentityProvider({ ...provider, ProviderDetails: { ...provider.ProviderDetails, client_secret: 'wrong' } });
  t.teardown(() => down.deps.store.putIdentityProvider(provider));
  const { callback } = await federateThroughUpstream(down, { identity_provider: 'Upstream' });
  t.equal(callback.origin + callback.pathname, CALLBACK);
  t.match(callback.searchParams.get('error_description'), /^Upstream Error - 4\d\d error getting token$/);
  t.equal(callback.searchParams.get('error'), 'invalid_request');
  t.equal(callback.searchParams.get('state'), 'app-state');

  // Explicit endpoints (no discovery) and an issuer the provider's ID token does not carry.
  await down.deps.store.putIdentityProvider({
    ...provider,
    ProviderDetails: {
      ...provider.ProviderDetails,
      oidc_issuer: 'https://issuer.invalid',
      authorize_url: `${up.url}/oauth2/authorize`,
      token_url: `${up.url}/oauth2/token`,
      jwks_uri: `${up.url}/${POOL_ID}/.well-known/jwks.json`,
    },
  });
  const forged = (await federateThroughUpstream(down, { identity_provider: 'Upstream' })).callback;
  t.match(forged.searchParams.get('error_description'), /^Upstream Error - invalid id_token \(unexpected "iss" claim value\)$/);

  // The provider refused (the user cancelled): its own description comes back.
  const upstream = await follow(authorizeUrl(down, { identity_provider: 'Upstream' }));
  const cancelled = await follow(
    `${down.url}/oauth2/idpresponse?error=access_denied&error_description=User+cancelled&state=${upstream.searchParams.get('state') ?? ''}`,
  );
  t.equal(cancelled.searchParams.get('error_description'), 'Upstream Error - User cancelled');
  t.equal(cancelled.searchParams.get('state'), 'app-state');

  const denied = await follow(`${down.url}/oauth2/idpresponse?state=unknown&code=x`);
  t.equal(denied.pathname, '/error', 'an unknown state never reaches an app');
});

t.test('a provider the client does not offer, or that does not exist', async (t) => {
  for (const name of ['Nope', 'Upstream']) {
    const c = down.deps.store.getClient(DOWN_CLIENT);
    if (!c) throw new Error('client missing');
    if (name === 'Upstream') await down.deps.store.putClient({ ...c, SupportedIdentityProviders: ['COGNITO'] });
    const location = await follow(authorizeUrl(down, { identity_provider: name }));
    t.equal(location.origin + location.pathname, CALLBACK);
    t.equal(location.searchParams.get('error_description'), 'Login option is not available. Please try another one');
    await down.deps.store.putClient(c);
  }
  const cognito = await follow(authorizeUrl(down, { identity_provider: 'COGNITO' }));
  t.equal(cognito.pathname, '/login');
});
