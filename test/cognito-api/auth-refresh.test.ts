// REFRESH_TOKEN_AUTH / REFRESH_TOKEN through the real AWS SDK v3: new tokens of the same family
// (auth_time, origin_jti kept), no new refresh token, and every way a refresh token stops working
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html).
import { AdminInitiateAuthCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import {
  PUBLIC_CLIENT,
  SECRET,
  SECRET_CLIENT,
  ADMIN_ONLY_CLIENT,
  DEFAULT_FLOWS_CLIENT,
  PASSWORD,
  POOL_ID,
  authFixture,
} from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

import { secretHash } from '../helpers/secret-hash.js';
import { verifyApiTokens } from '../helpers/auth.js';

const server = await testEmulator(t, { listen: true, fixture: authFixture() });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
const issuer = server.deps.urls.issuer(POOL_ID);

async function signIn(username = 'alice', clientId = PUBLIC_CLIENT) {
  const out = await sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } }),
  );
  const result = out.AuthenticationResult;
  if (!result?.RefreshToken) throw new Error('no refresh token');
  return result as Required<typeof result>;
}

const refresh = (
  REFRESH_TOKEN: string,
  ClientId = PUBLIC_CLIENT,
  AuthFlow: 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN' = 'REFRESH_TOKEN_AUTH',
  extra: Record<string, string> = {},
) => sdk.send(new InitiateAuthCommand({ AuthFlow, ClientId, AuthParameters: { REFRESH_TOKEN, ...extra } }));

t.test('new access and ID tokens of the same family, no RefreshToken', async (t) => {
  const first = await signIn();
  const before = await verifyApiTokens(server.url, issuer, PUBLIC_CLIENT, first);
  server.clock.offsetMs += 120_000;
  t.teardown(() => {
    server.clock.offsetMs = 0;
  });
  for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const) {
    const out = await refresh(first.RefreshToken, PUBLIC_CLIENT, flow);
    t.same(out.ChallengeParameters, {});
    t.equal(out.AuthenticationResult?.RefreshToken, undefined);
    t.equal(out.AuthenticationResult?.TokenType, 'Bearer');
    const after = await verifyApiTokens(server.url, issuer, PUBLIC_CLIENT, out.AuthenticationResult);
    t.equal(after.id.auth_time, before.id.auth_time, 'auth_time kept');
    t.equal(after.access.origin_jti, before.access.origin_jti, 'origin_jti kept');
    t.ok(after.access.iat! >= before.access.iat! + 120, 'issued now');
    t.not(after.access.jti, before.access.jti);
    t.equal(after.access.scope, 'aws.cognito.signin.user.admin');
  }
});

t.test('refresh tokens that no longer work', async (t) => {
  await rejectsWith(t, refresh('not-a-token'), 'NotAuthorizedException', 'Invalid Refresh Token');
  const tokens = await signIn();
  await rejectsWith(
    t,
    refresh(tokens.RefreshToken, ADMIN_ONLY_CLIENT),
    'InvalidParameterException',
    'Auth flow not enabled for this client',
  );
  await rejectsWith(t, refresh(tokens.RefreshToken, DEFAULT_FLOWS_CLIENT), 'NotAuthorizedException', 'Invalid Refresh Token');
  await rejectsWith(
    t,
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: {} })),
    'InvalidParameterException',
    'Missing required parameter REFRESH_TOKEN',
  );

  const revoked = await signIn();
  const res = await fetch(`${server.url}/oauth2/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: revoked.RefreshToken, client_id: PUBLIC_CLIENT }),
  });
  t.equal(res.status, 200);
  await rejectsWith(t, refresh(revoked.RefreshToken), 'NotAuthorizedException', 'Refresh Token has been revoked');

  const signedOut = await signIn('lock3');
  const user = server.deps.store.getUser(POOL_ID, 'lock3');
  await server.deps.store.putUser({ ...user!, TokensRevokedAt: server.deps.clock.now() });
  await rejectsWith(t, refresh(signedOut.RefreshToken), 'NotAuthorizedException', 'Refresh Token has been revoked');

  const expiring = await signIn();
  server.clock.offsetMs += 30 * 24 * 3600 * 1000 + 1000;
  t.teardown(() => {
    server.clock.offsetMs = 0;
  });
  await rejectsWith(t, refresh(expiring.RefreshToken), 'NotAuthorizedException', 'Refresh Token has expired');
});

t.test('a disabled user cannot refresh', async (t) => {
  const tokens = await signIn('srpuser');
  const user = server.deps.store.getUser(POOL_ID, 'srpuser');
  await server.deps.store.putUser({ ...user!, Enabled: false });
  t.teardown(() => server.deps.store.putUser({ ...user!, Enabled: true }));
  await rejectsWith(t, refresh(tokens.RefreshToken), 'NotAuthorizedException', 'User is disabled.');
});

t.test('SECRET_HASH with refresh tokens: the username or the sub', async (t) => {
  const hash = secretHash(SECRET, 'alice', SECRET_CLIENT);
  const admin = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: POOL_ID,
      ClientId: SECRET_CLIENT,
      AuthFlow: 'ADMIN_NO_SRP_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: hash },
    }),
  );
  const token = admin.AuthenticationResult?.RefreshToken ?? '';
  t.match(token, /^eyJ/);
  // Legacy-only ExplicitAuthFlows (ADMIN_NO_SRP_AUTH) keep refresh enabled.
  await rejectsWith(
    t,
    refresh(token, SECRET_CLIENT),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  await rejectsWith(
    t,
    refresh(token, SECRET_CLIENT, 'REFRESH_TOKEN_AUTH', { SECRET_HASH: secretHash(SECRET, 'bob', SECRET_CLIENT) }),
    'NotAuthorizedException',
    `Unable to verify secret hash for client ${SECRET_CLIENT}`,
  );
  const byName = await refresh(token, SECRET_CLIENT, 'REFRESH_TOKEN_AUTH', { SECRET_HASH: hash });
  t.ok(byName.AuthenticationResult?.AccessToken);
  const sub = server.deps.store.getUser(POOL_ID, 'alice')?.Attributes.sub ?? '';
  const bySub = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: POOL_ID,
      ClientId: SECRET_CLIENT,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: token, SECRET_HASH: secretHash(SECRET, sub, SECRET_CLIENT) },
    }),
  );
  t.ok(bySub.AuthenticationResult?.IdToken);
});

t.test('the token endpoint shares the checks: revoked family → invalid_grant', async (t) => {
  const tokens = await signIn();
  const grant = () =>
    fetch(`${server.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.RefreshToken, client_id: PUBLIC_CLIENT }),
    });
  const ok = await grant();
  t.equal(ok.status, 200);
  t.equal(((await ok.json()) as { refresh_token?: string }).refresh_token, undefined);
  const state = await server.deps.tokens.readRefreshToken(POOL_ID, tokens.RefreshToken);
  await server.deps.store.revokeOrigin(state!.origin_jti, Date.now() + 3600_000);
  const refused = await grant();
  t.equal(refused.status, 400);
  t.same(await refused.json(), { error: 'invalid_grant' });
});
