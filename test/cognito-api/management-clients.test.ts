// App clients and resource servers through the real AWS SDK: success shapes, Cognito's API
// defaults, the rules shared with fixtures, and UpdateUserPoolClient's replacement.
import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteResourceServerCommand,
  DeleteUserPoolClientCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolClientCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
  UpdateResourceServerCommand,
  UpdateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { API, EMAIL_POOL_ID, M2M_CLIENT, M2M_SECRET, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { rejectsWith, reuseTestKeys, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const server = await testEmulator(t, { listen: true });
reuseTestKeys(server.deps);
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());

const create = (input: Partial<CreateUserPoolClientCommandInput> = {}) =>
  sdk.send(new CreateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientName: 'api-client', ...input }));

t.test('CreateUserPoolClient: minimal client with the API defaults', async (t) => {
  const { UserPoolClient: c } = await create();
  t.match(c?.ClientId, /^[0-9a-v]{26}$/);
  t.equal(c?.ClientName, 'api-client');
  t.equal(c?.UserPoolId, POOL_ID);
  t.equal(c?.ClientSecret, undefined);
  t.same(c?.ExplicitAuthFlows, ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']);
  t.equal(c?.AllowedOAuthFlowsUserPoolClient, false, 'false via the API');
  t.equal(c?.PreventUserExistenceErrors, 'LEGACY');
  t.equal(c?.EnableTokenRevocation, true);
  t.equal(c?.AuthSessionValidity, 3);
  t.equal(c?.RefreshTokenValidity, 30);
  t.same(c?.TokenValidityUnits, { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' });
  for (const absent of ['CallbackURLs', 'LogoutURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'SupportedIdentityProviders']) {
    t.notOk(absent in (c ?? {}), `${absent} left out when empty`);
  }
  t.ok(c?.CreationDate instanceof Date);
  const described = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: c?.ClientId }));
  t.same(described.UserPoolClient, c);
});

t.test('CreateUserPoolClient: secrets', async (t) => {
  const generated = (await create({ GenerateSecret: true })).UserPoolClient;
  t.match(generated?.ClientSecret, /^[0-9a-v]{50,52}$/);
  const described = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: generated?.ClientId }));
  t.equal(described.UserPoolClient?.ClientSecret, generated?.ClientSecret, 'DescribeUserPoolClient includes the secret');
  const chosen = (await create({ ClientSecret: 'my_own_secret+is_24chars+long' })).UserPoolClient;
  t.equal(chosen?.ClientSecret, 'my_own_secret+is_24chars+long');
  await rejectsWith(
    t,
    create({ GenerateSecret: true, ClientSecret: 'abcdefghijklmnopqrstuvwxyz' }),
    'InvalidParameterException',
    'GenerateSecret cannot be true when a ClientSecret is provided.',
  );
});

t.test('CreateUserPoolClient: every setting round-trips', async (t) => {
  const input = {
    GenerateSecret: true,
    RefreshTokenValidity: 10,
    AccessTokenValidity: 15,
    IdTokenValidity: 20,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'hours' },
    ReadAttributes: ['email', 'given_name'],
    WriteAttributes: ['given_name'],
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    SupportedIdentityProviders: ['COGNITO'],
    CallbackURLs: ['https://app.example/cb', 'myapp://cb'],
    LogoutURLs: ['https://app.example/'],
    DefaultRedirectURI: 'https://app.example/cb',
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', `${API}/read`],
    AllowedOAuthFlowsUserPoolClient: true,
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: false,
    AuthSessionValidity: 10,
  } satisfies Partial<CreateUserPoolClientCommandInput>;
  const { UserPoolClient: c } = await create(input);
  const { GenerateSecret: _g, ...expected } = input;
  t.match(c, expected);
  t.equal(c?.EnablePropagateAdditionalUserContextData, false);
});

t.test('CreateUserPoolClient: Cognito refuses', async (t) => {
  await rejectsWith(
    t,
    create({ AllowedOAuthScopes: ['https://nope.example/read'] }),
    'ScopeDoesNotExistException',
    'Invalid scope requested: https://nope.example/read',
  );
  await rejectsWith(
    t,
    create({
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials', 'code'],
      AllowedOAuthScopes: [`${API}/read`],
      CallbackURLs: ['https://a.example/cb'],
    }),
    'InvalidOAuthFlowException',
    'client_credentials flow can not be selected along with code flow or implicit flow.',
  );
  await rejectsWith(
    t,
    create({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], AllowedOAuthFlowsUserPoolClient: true }),
    'InvalidOAuthFlowException',
    'CallbackUrls can not be empty when code flow or implicit flow is selected',
  );
  await rejectsWith(
    t,
    create({ AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }),
    'InvalidParameterException',
    'Invalid range for token validity',
  );
  await rejectsWith(
    t,
    create({ AllowedOAuthFlows: ['token' as 'code'] }),
    'InvalidParameterException',
    "1 validation error detected: Value '[token]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy " +
      'constraint: [Member must satisfy enum value set: [code, implicit, client_credentials]]',
  );
  await rejectsWith(
    t,
    create({ CallbackURLs: ['https://app.example/cb#frag'] }),
    'InvalidParameterException',
    'https://app.example/cb#frag: must not contain a fragment',
  );
  await rejectsWith(
    t,
    create({ ClientName: 'no/slashes' }),
    'InvalidParameterException',
    "1 validation error detected: Value 'no/slashes' at 'clientName' failed to satisfy constraint: Member must satisfy regular " +
      'expression pattern: [\\w\\s+=,.@-]+',
  );
  await rejectsWith(t, create({ UserPoolId: 'us-east-1_Nope' }), 'ResourceNotFoundException', 'User pool us-east-1_Nope does not exist.');
});

t.test('ListUserPoolClients: descriptions only, paged', async (t) => {
  const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'listing' }))).UserPool?.Id ?? '';
  const ids: string[] = [];
  for (const name of ['one', 'two', 'three']) {
    ids.push((await create({ UserPoolId: pool, ClientName: name, GenerateSecret: true })).UserPoolClient?.ClientId ?? '');
  }
  const all = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: pool }));
  t.same(
    all.UserPoolClients?.map((c) => Object.keys(c).sort()),
    [0, 1, 2].map(() => ['ClientId', 'ClientName', 'UserPoolId']),
  );
  t.same(all.UserPoolClients?.map((c) => c.ClientId).sort(), [...ids].sort());
  const first = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: pool, MaxResults: 2 }));
  t.equal(first.UserPoolClients?.length, 2);
  t.type(first.NextToken, 'string');
  const second = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: pool, MaxResults: 2, NextToken: first.NextToken }));
  t.equal(second.UserPoolClients?.length, 1);
  t.equal(second.NextToken, undefined);
  t.same([...(first.UserPoolClients ?? []), ...(second.UserPoolClients ?? [])].map((c) => c.ClientId).sort(), [...ids].sort());
  await rejectsWith(
    t,
    sdk.send(new ListUserPoolClientsCommand({ UserPoolId: pool, MaxResults: 0 })),
    'InvalidParameterException',
    "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or " +
      'equal to 1',
  );
});

t.test('UpdateUserPoolClient replaces the configuration; id, secret and creation date stay', async (t) => {
  const { UserPoolClient: before } = await create({
    GenerateSecret: true,
    CallbackURLs: ['https://app.example/cb'],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid'],
    AllowedOAuthFlowsUserPoolClient: true,
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
    AccessTokenValidity: 2,
  });
  server.clock.offsetMs += 3000;
  t.teardown(() => {
    server.clock.offsetMs -= 3000;
  });
  const { UserPoolClient: after } = await sdk.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: POOL_ID,
      ClientId: before?.ClientId,
      LogoutURLs: ['https://app.example/bye'],
    }),
  );
  t.equal(after?.ClientId, before?.ClientId);
  t.equal(after?.ClientName, 'api-client', 'name kept when omitted');
  t.equal(after?.ClientSecret, before?.ClientSecret, 'secret kept');
  t.same(after?.CreationDate, before?.CreationDate);
  t.ok((after?.LastModifiedDate?.getTime() ?? 0) >= (before?.LastModifiedDate?.getTime() ?? 0) + 2000);
  t.same(after?.LogoutURLs, ['https://app.example/bye']);
  t.equal(after?.AllowedOAuthFlowsUserPoolClient, false, 'omitted settings reset');
  t.notOk('CallbackURLs' in (after ?? {}));
  t.notOk('AllowedOAuthFlows' in (after ?? {}));
  t.same(after?.ExplicitAuthFlows, ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']);
  t.equal(after?.AccessTokenValidity, 1);
  const renamed = await sdk.send(
    new UpdateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: before?.ClientId, ClientName: 'renamed' }),
  );
  t.equal(renamed.UserPoolClient?.ClientName, 'renamed');
  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: before?.ClientId, AllowedOAuthScopes: ['x/y'] })),
    'ScopeDoesNotExistException',
    'Invalid scope requested: x/y',
  );
  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: EMAIL_POOL_ID, ClientId: PUBLIC_CLIENT })),
    'ResourceNotFoundException',
    `User pool client ${PUBLIC_CLIENT} does not exist.`,
  );
});

t.test('DescribeUserPoolClient / DeleteUserPoolClient', async (t) => {
  const m2m = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: M2M_CLIENT }));
  t.equal(m2m.UserPoolClient?.ClientSecret, M2M_SECRET);
  t.same(m2m.UserPoolClient?.AllowedOAuthFlows, ['client_credentials']);
  await rejectsWith(
    t,
    sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: EMAIL_POOL_ID, ClientId: M2M_CLIENT })),
    'ResourceNotFoundException',
    `User pool client ${M2M_CLIENT} does not exist.`,
  );
  const id = (await create()).UserPoolClient?.ClientId ?? '';
  await sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: id }));
  await rejectsWith(
    t,
    sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: id })),
    'ResourceNotFoundException',
    `User pool client ${id} does not exist.`,
  );
  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: id })),
    'ResourceNotFoundException',
    `User pool client ${id} does not exist.`,
  );
});

t.test('resource servers: create, describe, list, update, delete', async (t) => {
  const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'servers' }))).UserPool?.Id ?? '';
  const created = await sdk.send(
    new CreateResourceServerCommand({
      UserPoolId: pool,
      Identifier: 'https://orders.example',
      Name: 'Orders',
      Scopes: [
        { ScopeName: 'read', ScopeDescription: 'Read orders' },
        { ScopeName: 'write', ScopeDescription: 'Write orders' },
      ],
    }),
  );
  t.same(created.ResourceServer, {
    UserPoolId: pool,
    Identifier: 'https://orders.example',
    Name: 'Orders',
    Scopes: [
      { ScopeName: 'read', ScopeDescription: 'Read orders' },
      { ScopeName: 'write', ScopeDescription: 'Write orders' },
    ],
  });
  await rejectsWith(
    t,
    sdk.send(new CreateResourceServerCommand({ UserPoolId: pool, Identifier: 'https://orders.example', Name: 'Again' })),
    'InvalidParameterException',
    `https://orders.example already exists in user pool ${pool}.`,
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateResourceServerCommand({
        UserPoolId: pool,
        Identifier: 'x',
        Name: 'X',
        Scopes: [{ ScopeName: 'a/b', ScopeDescription: 'd' }],
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value 'a/b' at 'scopes.1.member.scopeName' failed to satisfy constraint: Member must satisfy " +
      'regular expression pattern: [\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+',
  );
  await sdk.send(new CreateResourceServerCommand({ UserPoolId: pool, Identifier: 'billing', Name: 'Billing' }));
  const described = await sdk.send(new DescribeResourceServerCommand({ UserPoolId: pool, Identifier: 'billing' }));
  t.same(described.ResourceServer, { UserPoolId: pool, Identifier: 'billing', Name: 'Billing', Scopes: [] });
  const page1 = await sdk.send(new ListResourceServersCommand({ UserPoolId: pool, MaxResults: 1 }));
  t.same(
    page1.ResourceServers?.map((r) => r.Identifier),
    ['billing'],
  );
  const page2 = await sdk.send(new ListResourceServersCommand({ UserPoolId: pool, MaxResults: 1, NextToken: page1.NextToken }));
  t.same(
    page2.ResourceServers?.map((r) => r.Identifier),
    ['https://orders.example'],
  );
  t.equal(page2.NextToken, undefined);
  // A client can use the new scope at once; after the update removes it, new clients cannot.
  await create({ UserPoolId: pool, AllowedOAuthScopes: ['https://orders.example/write'] });
  const updated = await sdk.send(
    new UpdateResourceServerCommand({
      UserPoolId: pool,
      Identifier: 'https://orders.example',
      Name: 'Orders v2',
      Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }],
    }),
  );
  t.same(updated.ResourceServer?.Scopes, [{ ScopeName: 'read', ScopeDescription: 'Read' }]);
  t.equal(updated.ResourceServer?.Name, 'Orders v2');
  await rejectsWith(
    t,
    create({ UserPoolId: pool, AllowedOAuthScopes: ['https://orders.example/write'] }),
    'ScopeDoesNotExistException',
    'Invalid scope requested: https://orders.example/write',
  );
  await sdk.send(new DeleteResourceServerCommand({ UserPoolId: pool, Identifier: 'billing' }));
  await rejectsWith(
    t,
    sdk.send(new DescribeResourceServerCommand({ UserPoolId: pool, Identifier: 'billing' })),
    'ResourceNotFoundException',
    'Resource server billing does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new UpdateResourceServerCommand({ UserPoolId: pool, Identifier: 'billing', Name: 'B' })),
    'ResourceNotFoundException',
    'Resource server billing does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new DeleteResourceServerCommand({ UserPoolId: pool, Identifier: 'billing' })),
    'ResourceNotFoundException',
    'Resource server billing does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new ListResourceServersCommand({ UserPoolId: 'us-east-1_Nope' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
});
