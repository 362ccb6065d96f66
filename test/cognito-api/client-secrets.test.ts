// Client secret rotation through the real AWS SDK: AddUserPoolClientSecret, ListUserPoolClientSecrets
// and DeleteUserPoolClientSecret, with both secrets of a client accepted everywhere a secret is
// (token endpoint with client_secret_basic and client_secret_post, SECRET_HASH, GetTokensFromRefreshToken,
// RevokeToken), and Cognito's refusals.
import {
  AddUserPoolClientSecretCommand,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientSecretCommand,
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  ListUserPoolClientSecretsCommand,
  RevokeTokenCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { secretHash } from '../../src/cognito-api/secret-hash.js';
import { API, M2M_CLIENT, M2M_SECRET, PASSWORD, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const { url, clock } = await testEmulator(t, { listen: true });
const sdk = sdkClient(url);
t.teardown(() => sdk.destroy());
const CUSTOM = 'custom0secret0value0abcdefghijklm';

async function tokenWith(clientId: string, secret: string, how: 'basic' | 'post'): Promise<number> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', scope: `${API}/read` });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (how === 'basic') headers.authorization = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
  else {
    body.set('client_id', clientId);
    body.set('client_secret', secret);
  }
  return (await fetch(`${url}/oauth2/token`, { method: 'POST', body, headers })).status;
}

t.test('a second secret is added, listed, accepted at the token endpoint, and the first deleted', async (t) => {
  const before = await sdk.send(new ListUserPoolClientSecretsCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT }));
  t.equal(before.ClientSecrets?.length, 1, 'a client created with a secret has one');
  const first = before.ClientSecrets![0]!;
  t.match(first.ClientSecretId, new RegExp(`^${M2M_CLIENT}--\\d+$`), 'id: <client-id>--<epoch-create-time>');
  t.notOk('ClientSecretValue' in first, 'values are never listed');

  clock.offsetMs += 2000;
  const added = (await sdk.send(new AddUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT }))).ClientSecretDescriptor!;
  t.match(added, {
    ClientSecretId: new RegExp(`^${M2M_CLIENT}--\\d+$`),
    // 256 random bits in base32hex with leading zeros dropped: 52 characters, 51 one time in two, fewer now and then.
    ClientSecretValue: /^[0-9a-v]{45,52}$/,
    ClientSecretCreateDate: Date,
  });
  const listed = (await sdk.send(new ListUserPoolClientSecretsCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT }))).ClientSecrets!;
  t.same(
    listed.map((s) => s.ClientSecretId),
    [first.ClientSecretId, added.ClientSecretId],
    'oldest first',
  );
  t.ok(listed.every((s) => s.ClientSecretValue === undefined));

  for (const how of ['basic', 'post'] as const) {
    t.equal(await tokenWith(M2M_CLIENT, M2M_SECRET, how), 200, `old secret, client_secret_${how}`);
    t.equal(await tokenWith(M2M_CLIENT, added.ClientSecretValue!, how), 200, `new secret, client_secret_${how}`);
    t.equal(await tokenWith(M2M_CLIENT, 'wrong0secret0value0abcdefghijklm', how), 400, `wrong secret, client_secret_${how}`);
  }

  await rejectsWith(
    t,
    sdk.send(new AddUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT })),
    'LimitExceededException',
    `Client ${M2M_CLIENT} already has the maximum of 2 client secrets.`,
  );

  await sdk.send(
    new DeleteUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT, ClientSecretId: first.ClientSecretId! }),
  );
  t.equal(await tokenWith(M2M_CLIENT, M2M_SECRET, 'basic'), 400, 'the deleted secret no longer works');
  t.equal(await tokenWith(M2M_CLIENT, added.ClientSecretValue!, 'basic'), 200, 'the remaining one does');
  const described = (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT }))).UserPoolClient!;
  t.equal(described.ClientSecret, undefined, 'the original secret is gone from DescribeUserPoolClient; none is promoted');

  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT, ClientSecretId: added.ClientSecretId! })),
    'InvalidParameterException',
    `Cannot delete the last client secret of client ${M2M_CLIENT}.`,
  );
  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT, ClientSecretId: first.ClientSecretId! })),
    'ResourceNotFoundException',
    `Client secret ${first.ClientSecretId} does not exist for client ${M2M_CLIENT}.`,
  );
});

t.test('both secrets work for SECRET_HASH, GetTokensFromRefreshToken and RevokeToken', async (t) => {
  const created = (
    await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: POOL_ID,
        ClientName: 'rotating',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
  ).UserPoolClient!;
  const clientId = created.ClientId!;
  const original = created.ClientSecret!;
  const added = (await sdk.send(new AddUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: clientId, ClientSecret: CUSTOM })))
    .ClientSecretDescriptor!;
  t.notOk('ClientSecretValue' in added, 'a chosen secret is not echoed back');
  const described = (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: clientId }))).UserPoolClient!;
  t.equal(described.ClientSecret, original, 'DescribeUserPoolClient keeps showing the secret the client was created with');

  for (const [name, secret] of [
    ['original', original],
    ['added', CUSTOM],
  ] as const) {
    const signIn = await sdk.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash(secret, 'alice', clientId) },
      }),
    );
    const refresh = signIn.AuthenticationResult!.RefreshToken!;
    t.ok(signIn.AuthenticationResult?.AccessToken, `SECRET_HASH with the ${name} secret`);
    const refreshed = await sdk.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: clientId, ClientSecret: secret, RefreshToken: refresh }),
    );
    t.ok(refreshed.AuthenticationResult?.AccessToken, `GetTokensFromRefreshToken with the ${name} secret`);
    await sdk.send(new RevokeTokenCommand({ ClientId: clientId, ClientSecret: secret, Token: refresh }));
    t.pass(`RevokeToken with the ${name} secret`);
    await rejectsWith(
      t,
      sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, ClientSecret: secret, RefreshToken: refresh })),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );

    const again = await sdk.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash(secret, 'alice', clientId) },
      }),
    );
    const revoked = await fetch(`${url}/oauth2/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: again.AuthenticationResult!.RefreshToken! }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      },
    });
    t.equal(revoked.status, 200, `/oauth2/revoke with the ${name} secret`);
  }
  await rejectsWith(
    t,
    sdk.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash('not0one0of0the0secrets0xx', 'alice', clientId) },
      }),
    ),
    'NotAuthorizedException',
    `Unable to verify secret hash for client ${clientId}`,
  );
  await rejectsWith(
    t,
    sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, ClientSecret: 'not0one0of0the0secrets0xx', RefreshToken: 'x' })),
    'NotAuthorizedException',
    `Unable to verify secret for client ${clientId}`,
  );

  await sdk.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: POOL_ID,
      ClientId: clientId,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  t.equal(
    (await sdk.send(new ListUserPoolClientSecretsCommand({ UserPoolId: POOL_ID, ClientId: clientId }))).ClientSecrets?.length,
    2,
    'UpdateUserPoolClient keeps both secrets',
  );
  await sdk.send(new DeleteUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: clientId, ClientSecretId: added.ClientSecretId! }));
  const after = (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: clientId }))).UserPoolClient!;
  t.equal(after.ClientSecret, original, 'deleting the added secret leaves the original shown');
  const listed = (await sdk.send(new ListUserPoolClientSecretsCommand({ UserPoolId: POOL_ID, ClientId: clientId }))).ClientSecrets!;
  t.equal(listed.length, 1, 'one secret left');
  t.not(listed[0]?.ClientSecretId, added.ClientSecretId, 'the original one');
});

t.test('Cognito refuses', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new AddUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT })),
    'InvalidParameterException',
    `Client ${PUBLIC_CLIENT} is not configured with a client secret.`,
  );
  await rejectsWith(
    t,
    sdk.send(new ListUserPoolClientSecretsCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT })),
    'InvalidParameterException',
    `Client ${PUBLIC_CLIENT} is not configured with a client secret.`,
  );
  await rejectsWith(
    t,
    sdk.send(new AddUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: 'nosuchclient00000000000000' })),
    'ResourceNotFoundException',
    'User pool client nosuchclient00000000000000 does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new ListUserPoolClientSecretsCommand({ UserPoolId: 'us-east-1_Missing000', ClientId: M2M_CLIENT })),
    'ResourceNotFoundException',
    'User pool us-east-1_Missing000 does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new AddUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT, ClientSecret: 'short' })),
    'InvalidParameterException',
    "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length greater than or " +
      'equal to 24',
  );
  await rejectsWith(
    t,
    sdk.send(
      new AddUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT, ClientSecret: 'has-a-dash-which-is-not-allowed' }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must satisfy regular expression " +
      'pattern: [\\w+]+',
  );
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientName: 'x', ClientSecret: `${'a'.repeat(65)}` })),
    'InvalidParameterException',
    "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length less than or equal to 64",
  );
});
