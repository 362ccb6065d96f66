// GetTokensFromRefreshToken and refresh-token rotation through the real AWS SDK v3 (and the token
// endpoint over the socket): new tokens of the same family, a new refresh token only when the client
// rotates, the grace period, reuse, revocation of the whole family, and the client setting.
import {
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { OffsetClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createEmulator } from '../../src/emulator.js';
import { parseFixture } from '../../src/fixtures/load.js';
import { PUBLIC_CLIENT, SECRET, SECRET_CLIENT, TEST_FIXTURE, PASSWORD, POOL_ID } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

import { verifyApiTokens } from '../helpers/auth.js';

const ROTATING = 'rotatingclient000000000000';
const GRACE = 'graceclient000000000000000';
const ROTATING_SECRET = 'rotsecretclient00000000000';
const ROTATING_SECRET_VALUE = 'rotatingsecret0123456789abcdefghijklmnop';

function rotationFixture() {
  const fixture = structuredClone(TEST_FIXTURE) as unknown as { UserPools: Array<{ Clients: object[]; Users: object[] }> };
  const flows = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'];
  fixture.UserPools[0]!.Clients.push(
    {
      ClientId: ROTATING,
      ClientName: 'rotating',
      ExplicitAuthFlows: [...flows, 'ALLOW_REFRESH_TOKEN_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED' },
      CallbackURLs: ['http://localhost:3000/callback'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin'],
    },
    {
      ClientId: GRACE,
      ClientName: 'rotating with grace',
      ExplicitAuthFlows: flows,
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    },
    {
      ClientId: ROTATING_SECRET,
      ClientName: 'rotating with secret',
      ClientSecret: ROTATING_SECRET_VALUE,
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    },
  );
  fixture.UserPools[0]!.Users.push({ Username: 'rosa', Password: PASSWORD });
  return fixture;
}

const server = await testEmulator(t, { listen: true, fixture: rotationFixture() });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
const issuer = server.deps.urls.issuer(POOL_ID);
t.afterEach(() => {
  server.clock.offsetMs = 0;
});

async function signIn(clientId: string, username = 'alice') {
  const out = await sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } }),
  );
  const result = out.AuthenticationResult;
  if (!result?.RefreshToken || !result.AccessToken) throw new Error('no tokens');
  return result as Required<typeof result>;
}
const getTokens = (RefreshToken: string, ClientId: string, extra: { ClientSecret?: string } = {}) =>
  sdk.send(new GetTokensFromRefreshTokenCommand({ RefreshToken, ClientId, ...extra }));
const stateOf = async (token: string) => (await server.deps.tokens.readRefreshToken(POOL_ID, token))!;
const tokenGrant = (refreshToken: string, clientId: string) =>
  fetch(`${server.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }),
  });

t.test('GetTokensFromRefreshToken without rotation: new access and ID tokens of the same family, no RefreshToken', async (t) => {
  const first = await signIn(PUBLIC_CLIENT);
  const before = await verifyApiTokens(server.url, issuer, PUBLIC_CLIENT, first);
  server.clock.offsetMs += 120_000;
  const out = await getTokens(first.RefreshToken, PUBLIC_CLIENT);
  t.same(
    Object.keys(out).filter((k) => k !== '$metadata'),
    ['AuthenticationResult'],
    'no ChallengeParameters',
  );
  t.equal(out.AuthenticationResult?.RefreshToken, undefined);
  t.equal(out.AuthenticationResult?.TokenType, 'Bearer');
  t.equal(out.AuthenticationResult?.ExpiresIn, 3600);
  const after = await verifyApiTokens(server.url, issuer, PUBLIC_CLIENT, out.AuthenticationResult);
  t.equal(after.id.auth_time, before.id.auth_time, 'auth_time kept');
  t.equal(after.access.origin_jti, before.access.origin_jti, 'origin_jti kept');
  t.ok(after.access.iat! >= before.access.iat! + 120, 'issued now (Amplify reads iat)');
  const again = await getTokens(first.RefreshToken, PUBLIC_CLIENT);
  t.ok(again.AuthenticationResult?.AccessToken, 'the same refresh token keeps working');
});

t.test("GetTokensFromRefreshToken: Cognito's errors", async (t) => {
  await rejectsWith(t, getTokens('not-a-token', PUBLIC_CLIENT), 'NotAuthorizedException', 'Invalid Refresh Token');
  const tokens = await signIn(PUBLIC_CLIENT);
  await rejectsWith(
    t,
    getTokens(tokens.RefreshToken, 'nosuchclient00000000000000'),
    'ResourceNotFoundException',
    'User pool client nosuchclient00000000000000 does not exist.',
  );
  await rejectsWith(t, getTokens(tokens.RefreshToken, GRACE), 'NotAuthorizedException', 'Invalid Refresh Token');
  await rejectsWith(
    t,
    sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: PUBLIC_CLIENT } as never)),
    'InvalidParameterException',
    "1 validation error detected: Value null at 'refreshToken' failed to satisfy constraint: Member must not be null",
  );

  // A client with a secret proves it with ClientSecret, not SECRET_HASH.
  const admin = await server.deps.tokens.userTokens({
    client: server.deps.store.getClient(SECRET_CLIENT)!,
    user: server.deps.store.getUser(POOL_ID, 'alice')!,
    scopes: ['aws.cognito.signin.user.admin'],
    channel: 'api',
    withRefreshToken: true,
  });
  await rejectsWith(
    t,
    getTokens(admin.refresh_token!, SECRET_CLIENT),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured for secret but secret was not received`,
  );
  await rejectsWith(
    t,
    getTokens(admin.refresh_token!, SECRET_CLIENT, { ClientSecret: `${SECRET.slice(0, -1)}x` }),
    'NotAuthorizedException',
    `Unable to verify secret for client ${SECRET_CLIENT}`,
  );
  t.ok((await getTokens(admin.refresh_token!, SECRET_CLIENT, { ClientSecret: SECRET })).AuthenticationResult?.IdToken, 'right secret');

  await sdk.send(new RevokeTokenCommand({ Token: tokens.RefreshToken, ClientId: PUBLIC_CLIENT }));
  await rejectsWith(t, getTokens(tokens.RefreshToken, PUBLIC_CLIENT), 'NotAuthorizedException', 'Refresh Token has been revoked');
  const disabled = await signIn(PUBLIC_CLIENT, 'rosa');
  const rosa = server.deps.store.getUser(POOL_ID, 'rosa')!;
  await server.deps.store.putUser({ ...rosa, Enabled: false });
  t.teardown(() => server.deps.store.putUser({ ...rosa, Enabled: true }));
  await rejectsWith(t, getTokens(disabled.RefreshToken, PUBLIC_CLIENT), 'NotAuthorizedException', 'User is disabled.');
  const expiring = await signIn(PUBLIC_CLIENT);
  server.clock.offsetMs += 30 * 24 * 3600 * 1000 + 1000;
  await rejectsWith(t, getTokens(expiring.RefreshToken, PUBLIC_CLIENT), 'NotAuthorizedException', 'Refresh Token has expired');
});

t.test('rotation on: a new refresh token for the rest of the original lifetime; the old one is reused after no grace', async (t) => {
  const first = await signIn(ROTATING);
  server.clock.offsetMs += 60_000;
  const out = await getTokens(first.RefreshToken, ROTATING);
  const next = out.AuthenticationResult?.RefreshToken;
  t.match(next, /^eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ\./, 'a Cognito-shaped refresh token');
  t.not(next, first.RefreshToken);
  const [a, b] = [await stateOf(first.RefreshToken), await stateOf(next!)];
  t.equal(b.exp, a.exp, 'valid for the remaining duration of the original');
  t.equal(b.origin_jti, a.origin_jti, 'same family');
  await verifyApiTokens(server.url, issuer, ROTATING, out.AuthenticationResult);

  await rejectsWith(
    t,
    getTokens(first.RefreshToken, ROTATING),
    'RefreshTokenReuseException',
    'Refresh token has been rotated out and can no longer be used',
  );
  const third = await getTokens(next!, ROTATING);
  t.ok(third.AuthenticationResult?.RefreshToken, 'the new one rotates in turn');
  await rejectsWith(
    t,
    getTokens(next!, ROTATING),
    'RefreshTokenReuseException',
    'Refresh token has been rotated out and can no longer be used',
  );

  // A rotated token still ends with the original.
  server.clock.offsetMs += 30 * 24 * 3600 * 1000;
  await rejectsWith(
    t,
    getTokens(third.AuthenticationResult!.RefreshToken!, ROTATING),
    'NotAuthorizedException',
    'Refresh Token has expired',
  );
});

t.test('rotation with RetryGracePeriodSeconds: the old token works within the grace period only', async (t) => {
  const first = await signIn(GRACE);
  const rotated = await getTokens(first.RefreshToken, GRACE);
  t.ok(rotated.AuthenticationResult?.RefreshToken);
  server.clock.offsetMs += 9_000;
  const retry = await getTokens(first.RefreshToken, GRACE);
  t.ok(retry.AuthenticationResult?.RefreshToken, 'a retry within the grace period succeeds');
  server.clock.offsetMs += 1_500;
  await rejectsWith(
    t,
    getTokens(first.RefreshToken, GRACE),
    'RefreshTokenReuseException',
    'Refresh token has been rotated out and can no longer be used',
  );
  t.ok(
    (await getTokens(retry.AuthenticationResult!.RefreshToken!, GRACE)).AuthenticationResult,
    'the tokens issued in the grace period work',
  );
});

t.test('rotation on: REFRESH_TOKEN_AUTH is refused; the token endpoint rotates too (invalid_grant on reuse)', async (t) => {
  const first = await signIn(ROTATING);
  await rejectsWith(
    t,
    sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: ROTATING,
        AuthParameters: { REFRESH_TOKEN: first.RefreshToken },
      }),
    ),
    'InvalidParameterException',
    'REFRESH_TOKEN_AUTH is not allowed for an app client with refresh token rotation enabled; use GetTokensFromRefreshToken',
  );
  const res = await tokenGrant(first.RefreshToken, ROTATING);
  t.equal(res.status, 200);
  const body = (await res.json()) as { refresh_token?: string; access_token: string; id_token?: string };
  t.match(body.refresh_token, /^eyJ/, 'a new refresh token');
  t.equal((await stateOf(body.refresh_token!)).exp, (await stateOf(first.RefreshToken)).exp);
  const reused = await tokenGrant(first.RefreshToken, ROTATING);
  t.equal(reused.status, 400);
  t.same(await reused.json(), { error: 'invalid_grant' });
  t.equal((await tokenGrant(body.refresh_token!, ROTATING)).status, 200, 'the new one works');
});

t.test('rotation on: revoking any token of the family stops them all, and their access tokens', async (t) => {
  const first = await signIn(GRACE);
  const second = (await getTokens(first.RefreshToken, GRACE)).AuthenticationResult!;
  await sdk.send(new RevokeTokenCommand({ Token: second.RefreshToken!, ClientId: GRACE }));
  await rejectsWith(t, getTokens(second.RefreshToken!, GRACE), 'NotAuthorizedException', 'Refresh Token has been revoked');
  await rejectsWith(t, getTokens(first.RefreshToken, GRACE), 'NotAuthorizedException', 'Refresh Token has been revoked');
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: second.AccessToken! })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: first.AccessToken })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
});

t.test('rotation on a client with a secret: ClientSecret, then rotation', async (t) => {
  const tokens = await server.deps.tokens.userTokens({
    client: server.deps.store.getClient(ROTATING_SECRET)!,
    user: server.deps.store.getUser(POOL_ID, 'alice')!,
    scopes: ['aws.cognito.signin.user.admin'],
    channel: 'api',
    withRefreshToken: true,
  });
  const out = await getTokens(tokens.refresh_token!, ROTATING_SECRET, { ClientSecret: ROTATING_SECRET_VALUE });
  t.ok(out.AuthenticationResult?.RefreshToken);
  await rejectsWith(
    t,
    getTokens(tokens.refresh_token!, ROTATING_SECRET, { ClientSecret: ROTATING_SECRET_VALUE }),
    'RefreshTokenReuseException',
    'Refresh token has been rotated out and can no longer be used',
  );
});

t.test('RefreshTokenRotation on Create/Update/DescribeUserPoolClient', async (t) => {
  const created = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientName: 'plain' }));
  t.same(created.UserPoolClient?.RefreshTokenRotation, { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 }, 'default');
  const clientId = created.UserPoolClient!.ClientId!;
  const rotating = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: POOL_ID,
      ClientName: 'rot',
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 },
    }),
  );
  t.same(rotating.UserPoolClient?.RefreshTokenRotation, { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 });
  const described = await sdk.send(
    new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: rotating.UserPoolClient!.ClientId! }),
  );
  t.same(described.UserPoolClient?.RefreshTokenRotation, { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 });
  await sdk.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: POOL_ID,
      ClientId: rotating.UserPoolClient!.ClientId!,
      ClientName: 'rot',
      RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 30 },
    }),
  );
  const off = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: rotating.UserPoolClient!.ClientId! }));
  t.same(
    off.UserPoolClient?.RefreshTokenRotation,
    { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
    'turning it off reads back grace 0',
  );
  const on = await sdk.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: POOL_ID,
      ClientId: clientId,
      ClientName: 'plain',
      RefreshTokenRotation: { Feature: 'ENABLED' },
    }),
  );
  t.same(on.UserPoolClient?.RefreshTokenRotation, { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 });

  await rejectsWith(
    t,
    sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: POOL_ID,
        ClientName: 'bad',
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 },
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value '61' at 'retryGracePeriodSeconds' failed to satisfy constraint: Member must have value less " +
      'than or equal to 60',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: POOL_ID,
        ClientName: 'bad',
        RefreshTokenRotation: { RetryGracePeriodSeconds: 5 } as never,
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value null at 'feature' failed to satisfy constraint: Member must not be null",
  );
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientName: 'bad', RefreshTokenRotation: { Feature: 'ON' as never } })),
    'InvalidParameterException',
    "1 validation error detected: Value 'ON' at 'feature' failed to satisfy constraint: Member must satisfy enum value set: " +
      '[ENABLED, DISABLED]',
  );
});

t.test('rotated-out tokens are remembered across a restart with DATA_FILE, and forgotten once expired', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'rotation-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const dataFile = join(dir, 'state.json');
  const config = { ...loadConfig([], {}), publicUrl: 'http://localhost:9229', fixtures: undefined, dataFile };
  const fixtures = [parseFixture('rotation.json', JSON.stringify(rotationFixture()))];
  const refresh = async (app: Awaited<ReturnType<typeof createEmulator>>['app'], token: string) =>
    app.inject({
      method: 'POST',
      url: '/',
      headers: {
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
        'content-type': 'application/x-amz-json-1.1',
      },
      payload: JSON.stringify({ RefreshToken: token, ClientId: ROTATING }),
    });

  const one = await createEmulator({ config, fixtures, clock: new OffsetClock() });
  const client = one.deps.store.getClient(ROTATING)!;
  const user = one.deps.store.getUser(POOL_ID, 'alice')!;
  const original = (
    await one.deps.tokens.userTokens({ client, user, scopes: ['aws.cognito.signin.user.admin'], channel: 'api', withRefreshToken: true })
  ).refresh_token!;
  t.equal((await refresh(one.app, original)).statusCode, 200);
  await one.app.close();

  const clock = new OffsetClock();
  const two = await createEmulator({ config, fixtures, clock });
  t.teardown(() => two.app.close());
  const reused = await refresh(two.app, original);
  t.equal(reused.json().__type, 'RefreshTokenReuseException', 'still rotated out after the restart');
  const { jti, exp } = (await two.deps.tokens.readRefreshToken(POOL_ID, original))!;
  t.ok(two.deps.store.rotatedGraceUntil(jti) !== undefined);
  two.deps.store.purgeExpired(exp * 1000 - 1);
  t.ok(two.deps.store.rotatedGraceUntil(jti) !== undefined, 'kept while the token could still be presented');
  two.deps.store.purgeExpired(exp * 1000);
  t.equal(two.deps.store.rotatedGraceUntil(jti), undefined, 'purged once the token has expired anyway');
});
