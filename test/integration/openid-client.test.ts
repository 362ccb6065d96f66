// openid-client v6 (a certified OIDC relying party) against a listening emulator: discovery,
// PKCE + state + nonce authorization URL, hosted sign-in over HTTP, code grant with its ID-token
// validation, and the refresh grant — for the public client and the confidential client with
// both client-authentication methods Cognito advertises.
import t from 'tap';
import * as client from 'openid-client';
import { testEmulator } from '../helpers/harness.js';
import { API, CALLBACK, PASSWORD, POOL_ID, PUBLIC_CLIENT, SECRET, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { hostedLogin } from '../helpers/hosted-login.js';

const server = await testEmulator(t, { listen: true });
const issuer = `${server.url}/${POOL_ID}`;
const alice = server.deps.store.getUser(POOL_ID, 'alice');
if (!alice) throw new Error('fixture user alice missing');
const aliceSub = alice.Attributes.sub;

t.test("discovery yields Cognito's endpoints on the emulator", async (t) => {
  const config = await client.discovery(new URL(issuer), PUBLIC_CLIENT, undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
  const meta = config.serverMetadata();
  t.equal(meta.issuer, issuer);
  t.equal(meta.authorization_endpoint, `${server.url}/oauth2/authorize`);
  t.equal(meta.token_endpoint, `${server.url}/oauth2/token`);
  t.equal(meta.userinfo_endpoint, `${server.url}/oauth2/userInfo`);
  t.equal(meta.jwks_uri, `${server.url}/${POOL_ID}/.well-known/jwks.json`);
  t.equal(meta.end_session_endpoint, `${server.url}/logout`);
  t.equal(meta.revocation_endpoint, `${server.url}/oauth2/revoke`);
  t.strictSame(meta.token_endpoint_auth_methods_supported, ['client_secret_basic', 'client_secret_post']);
  // Cognito does not publish it, so openid-client must be told PKCE is supported by the caller.
  t.equal(meta.code_challenge_methods_supported, undefined);
});

interface Case {
  name: string;
  clientId: string;
  auth: () => client.ClientAuth;
  scope: string;
  idLifetime: number;
  accessLifetime: number;
  /** userInfo attributes besides sub and username: chosen by the scopes. */
  userInfo: Record<string, string>;
}

const EMAIL = { email: 'alice@example.com', email_verified: 'true' };
const PROFILE = { given_name: 'Alice', family_name: 'Liddell', 'custom:tier': 'gold' };
const PHONE = { phone_number: '+15555550100', phone_number_verified: 'false' };

const cases: Case[] = [
  {
    name: 'public client (none)',
    clientId: PUBLIC_CLIENT,
    auth: () => client.None(),
    scope: 'openid email profile',
    idLifetime: 3600,
    accessLifetime: 3600,
    userInfo: { ...EMAIL, ...PROFILE },
  },
  {
    name: 'confidential client (client_secret_basic)',
    clientId: SECRET_CLIENT,
    auth: () => client.ClientSecretBasic(SECRET),
    scope: `openid email ${API}/read`,
    idLifetime: 45 * 60,
    accessLifetime: 30 * 60,
    userInfo: EMAIL,
  },
  {
    name: 'confidential client (client_secret_post)',
    clientId: SECRET_CLIENT,
    auth: () => client.ClientSecretPost(SECRET),
    scope: `openid ${API}/write`,
    idLifetime: 45 * 60,
    accessLifetime: 30 * 60,
    userInfo: { ...EMAIL, ...PROFILE, ...PHONE }, // openid alone: every readable attribute
  },
];

for (const c of cases) {
  t.test(`code flow with PKCE, userInfo, refresh, revocation: ${c.name}`, async (t) => {
    const config = await client.discovery(new URL(issuer), c.clientId, undefined, c.auth(), { execute: [client.allowInsecureRequests] });
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const authorizeUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: c.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    t.equal(authorizeUrl.origin + authorizeUrl.pathname, `${server.url}/oauth2/authorize`);

    const { location, cookies } = await hostedLogin(authorizeUrl, 'alice', PASSWORD);
    t.equal(location.origin + location.pathname, CALLBACK);
    t.equal(location.searchParams.get('state'), state);
    t.match(location.searchParams.get('code'), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    t.ok(cookies.get('cognito'), 'the hosted UI started a session');

    const before = Math.floor(Date.now() / 1000);
    const tokens = await client.authorizationCodeGrant(config, location, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    t.equal(tokens.token_type.toLowerCase(), 'bearer');
    t.equal(tokens.expires_in, c.accessLifetime);
    t.match(tokens.refresh_token, /^eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ\.[^.]+\.[^.]+\.[^.]+\.[^.]+$/);

    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token claims');
    t.equal(claims.iss, issuer);
    t.equal(claims.aud, c.clientId);
    t.equal(claims.sub, aliceSub);
    t.equal(claims.nonce, nonce);
    t.equal(claims.token_use, 'id');
    t.equal(claims['cognito:username'], 'alice');
    t.strictSame(claims['cognito:groups'], ['admins', 'readers']);
    t.equal(claims.email, 'alice@example.com');
    t.equal(claims.email_verified, true);
    t.equal(claims.phone_number_verified, false);
    t.equal(claims['custom:tier'], 'gold');
    t.equal(claims.exp - claims.iat, c.idLifetime);
    t.ok(Math.abs(claims.iat - before) <= 5, 'iat is now');
    // Signed in just before the code was redeemed (Cognito's iat may be auth_time + 1).
    t.ok(
      claims.auth_time !== undefined && claims.auth_time <= claims.iat && claims.iat - claims.auth_time <= 5,
      'auth_time is the sign-in time',
    );
    t.type(claims.at_hash, 'string');

    const access = JSON.parse(Buffer.from(tokens.access_token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    t.equal(access.client_id, c.clientId);
    t.equal(access.username, 'alice');
    t.equal(access.token_use, 'access');
    t.equal(access.scope, c.scope);
    t.equal(access.aud, undefined);

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token ?? '');
    t.equal(refreshed.refresh_token, undefined, 'Cognito does not rotate refresh tokens by default');
    t.equal(refreshed.expires_in, c.accessLifetime);
    t.not(refreshed.access_token, tokens.access_token);
    const again = refreshed.claims();
    if (!again) throw new Error('no ID token on refresh');
    t.equal(again.iss, issuer);
    t.equal(again.aud, c.clientId);
    t.equal(again.sub, aliceSub);
    t.equal(again.auth_time, claims.auth_time, 'auth_time is unchanged on refresh');
    t.equal(again.origin_jti, claims.origin_jti, 'refresh keeps the origin_jti');
    t.not(again.jti, claims.jti);

    // userInfo through openid-client, which also checks that sub matches the ID token's.
    const info = await client.fetchUserInfo(config, refreshed.access_token, aliceSub ?? '');
    t.strictSame(info, { sub: aliceSub, ...c.userInfo, username: 'alice' });

    // Revocation (RFC 7009 as openid-client sends it): the refresh token stops working.
    await client.tokenRevocation(config, tokens.refresh_token ?? '');
    const revoked = await client.refreshTokenGrant(config, tokens.refresh_token ?? '').then(
      () => undefined,
      (e: unknown) => e as client.ResponseBodyError,
    );
    t.equal(revoked?.error, 'invalid_grant', 'a revoked refresh token is refused');
  });
}

t.test("openid-client rejects a wrong PKCE verifier with Cognito's invalid_grant", async (t) => {
  const config = await client.discovery(new URL(issuer), PUBLIC_CLIENT, undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid',
    state,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const { location } = await hostedLogin(url, 'alice', PASSWORD);
  const err = await client
    .authorizationCodeGrant(config, location, {
      pkceCodeVerifier: client.randomPKCECodeVerifier(),
      expectedState: state,
    })
    .then(
      () => undefined,
      (e: unknown) => e as client.ResponseBodyError,
    );
  t.ok(err, 'the grant failed');
  t.equal(err?.error, 'invalid_grant');
  t.equal(err?.status, 400);
});

t.test('openid-client with a wrong client secret gets invalid_client', async (t) => {
  const config = await client.discovery(new URL(issuer), SECRET_CLIENT, undefined, client.ClientSecretBasic('not-the-secret'), {
    execute: [client.allowInsecureRequests],
  });
  const err = await client.refreshTokenGrant(config, 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.a.b.c.d').then(
    () => undefined,
    (e: unknown) => e as client.ResponseBodyError,
  );
  t.equal(err?.error, 'invalid_client');
});
