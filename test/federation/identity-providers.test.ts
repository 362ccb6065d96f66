// Identity providers through the real AWS SDK: CRUD, Describe's added details, IdpIdentifiers,
// and app clients naming providers in SupportedIdentityProviders.
import {
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  GetIdentityProviderByIdentifierCommand,
  ListIdentityProvidersCommand,
  UpdateIdentityProviderCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { parseFixture } from '../../src/fixtures/load.js';
import { planSeed } from '../../src/fixtures/seed.js';
import { openLowdbStore } from '../../src/store/lowdb-store.js';

const server = await testEmulator(t, { listen: true });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());

const GOOGLE = { client_id: 'g-client', client_secret: 'g-secret', authorize_scopes: 'openid email profile' };
const OIDC = {
  client_id: 'o-client',
  client_secret: 'o-secret',
  authorize_scopes: 'openid email',
  attributes_request_method: 'GET',
  oidc_issuer: 'https://idp.example.com',
};

t.test('create, describe, list, update, delete', async (t) => {
  const created = await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: POOL_ID,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: GOOGLE,
      AttributeMapping: { email: 'email', given_name: 'given_name' },
    }),
  );
  t.match(created.IdentityProvider, {
    UserPoolId: POOL_ID,
    ProviderName: 'Google',
    ProviderType: 'Google',
    AttributeMapping: { username: 'sub', email: 'email', given_name: 'given_name' },
    IdpIdentifiers: [],
    ProviderDetails: {
      ...GOOGLE,
      authorize_url: 'https://accounts.google.com/o/oauth2/v2/auth',
      oidc_issuer: 'https://accounts.google.com',
      token_request_method: 'POST',
    },
  });
  t.ok(created.IdentityProvider?.CreationDate instanceof Date);
  const described = await sdk.send(new DescribeIdentityProviderCommand({ UserPoolId: POOL_ID, ProviderName: 'Google' }));
  t.same(described.IdentityProvider, created.IdentityProvider);

  await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: POOL_ID,
      ProviderName: 'Corp',
      ProviderType: 'OIDC',
      ProviderDetails: OIDC,
      IdpIdentifiers: ['corp.example.com'],
    }),
  );
  const list = await sdk.send(new ListIdentityProvidersCommand({ UserPoolId: POOL_ID, MaxResults: 1 }));
  t.same(
    list.Providers?.map((p) => [p.ProviderName, p.ProviderType]),
    [['Corp', 'OIDC']],
  );
  const next = await sdk.send(new ListIdentityProvidersCommand({ UserPoolId: POOL_ID, NextToken: list.NextToken }));
  t.same(
    next.Providers?.map((p) => p.ProviderName),
    ['Google'],
  );

  const byId = await sdk.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId: POOL_ID, IdpIdentifier: 'corp.example.com' }));
  t.equal(byId.IdentityProvider?.ProviderName, 'Corp');
  t.match(byId.IdentityProvider?.ProviderDetails, { attributes_url_add_attributes: 'false', oidc_issuer: 'https://idp.example.com' });

  const updated = await sdk.send(
    new UpdateIdentityProviderCommand({
      UserPoolId: POOL_ID,
      ProviderName: 'Corp',
      AttributeMapping: { email: 'mail' },
      IdpIdentifiers: ['corp.test'],
    }),
  );
  t.same(updated.IdentityProvider?.AttributeMapping, { username: 'sub', email: 'mail' });
  await rejectsWith(
    t,
    sdk.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId: POOL_ID, IdpIdentifier: 'corp.example.com' })),
    'ResourceNotFoundException',
    'Identity provider with identifier corp.example.com does not exist.',
  );

  await sdk.send(new DeleteIdentityProviderCommand({ UserPoolId: POOL_ID, ProviderName: 'Corp' }));
  await rejectsWith(
    t,
    sdk.send(new DescribeIdentityProviderCommand({ UserPoolId: POOL_ID, ProviderName: 'Corp' })),
    'ResourceNotFoundException',
    'Identity provider Corp does not exist.',
  );
});

t.test('refusals', async (t) => {
  await rejectsWith(
    t,
    sdk.send(
      new CreateIdentityProviderCommand({ UserPoolId: POOL_ID, ProviderName: 'Google', ProviderType: 'Google', ProviderDetails: GOOGLE }),
    ),
    'DuplicateProviderException',
    'A provider with the name Google already exists in this user pool.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateIdentityProviderCommand({ UserPoolId: POOL_ID, ProviderName: 'Gmail', ProviderType: 'Google', ProviderDetails: GOOGLE }),
    ),
    'InvalidParameterException',
    'ProviderName must be Google for ProviderType Google',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateIdentityProviderCommand({ UserPoolId: POOL_ID, ProviderName: 'X', ProviderType: 'OIDC', ProviderDetails: { ...OIDC } }),
    ),
    'InvalidParameterException',
    "2 validation errors detected: Value 'X' at 'providerName' failed to satisfy constraint: Member must have length greater than or " +
      'equal to 3; ' +
      "Value 'X' at 'providerName' failed to satisfy constraint: Member must satisfy regular expression pattern: " +
      '[^_][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_]+',
  );
  const { oidc_issuer: _omitted, ...noIssuer } = OIDC;
  await rejectsWith(
    t,
    sdk.send(
      new CreateIdentityProviderCommand({ UserPoolId: POOL_ID, ProviderName: 'Okta', ProviderType: 'OIDC', ProviderDetails: noIssuer }),
    ),
    'InvalidParameterException',
    'oidc_issuer is required for OIDC identity providers',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: POOL_ID,
        ProviderName: 'Okta',
        ProviderType: 'Nope' as 'OIDC',
        ProviderDetails: OIDC,
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value 'Nope' at 'providerType' failed to satisfy constraint: Member must satisfy enum value set: " +
      '[SAML, Facebook, Google, LoginWithAmazon, SignInWithApple, OIDC]',
  );
  await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: POOL_ID,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: OIDC,
      IdpIdentifiers: ['okta'],
    }),
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: POOL_ID,
        ProviderName: 'Okta2',
        ProviderType: 'OIDC',
        ProviderDetails: OIDC,
        IdpIdentifiers: ['okta'],
      }),
    ),
    'DuplicateProviderException',
    'The identifier okta is already used by another identity provider.',
  );
});

t.test('SupportedIdentityProviders must name existing providers', async (t) => {
  await rejectsWith(
    t,
    sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientName: 'x', SupportedIdentityProviders: ['COGNITO', 'Facebook'] }),
    ),
    'InvalidParameterException',
    `The provider Facebook does not exist for User Pool ${POOL_ID}`,
  );
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientName: 'x', SupportedIdentityProviders: ['COGNITO', 'Google', 'Okta'] }),
  );
  t.same(UserPoolClient?.SupportedIdentityProviders, ['COGNITO', 'Google', 'Okta']);
  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, SupportedIdentityProviders: ['Nope'] })),
    'InvalidParameterException',
    `The provider Nope does not exist for User Pool ${POOL_ID}`,
  );
});

t.test('fixtures: IdentityProviders are seeded and checked', async (t) => {
  const plan = async (pool: object) =>
    planSeed(
      [parseFixture('f.json', JSON.stringify({ UserPools: [{ Id: 'us-east-1_Fix', Name: 'p', ...pool }] }))],
      await openLowdbStore(),
      0,
    );
  const problem = (pool: object) =>
    plan(pool).then(
      () => 'no error',
      (err: Error) => err.message,
    );
  const [seeded] = await plan({
    IdentityProviders: [{ ProviderName: 'Google', ProviderType: 'Google', EmulatedIdentities: [{ sub: '1' }] }],
  });
  t.match(seeded?.identityProviders, [
    {
      ProviderName: 'Google',
      AttributeMapping: { username: 'sub' },
      ProviderDetails: { client_id: 'emulated' },
      EmulatedIdentities: [{ sub: '1' }],
    },
  ]);
  t.equal(
    await problem({ Clients: [{ ClientName: 'c', SupportedIdentityProviders: ['Google'] }] }),
    'f.json: $.UserPools[0].Clients[0].SupportedIdentityProviders[0]: The provider Google does not exist for User Pool us-east-1_Fix',
  );
  t.equal(
    await problem({ IdentityProviders: [{ ProviderName: 'Gmail', ProviderType: 'Google' }] }),
    'f.json: $.UserPools[0].IdentityProviders[0].ProviderName: ProviderName must be Google for ProviderType Google',
  );
  t.equal(
    await problem({ IdentityProviders: [{ ProviderName: 'Okta', ProviderType: 'OIDC', ProviderDetails: { client_id: 'x' } }] }),
    'f.json: $.UserPools[0].IdentityProviders[0].ProviderDetails: authorize_scopes is required for OIDC identity providers',
  );
  t.equal(
    await problem({ IdentityProviders: [{ ProviderName: 'Google', ProviderType: 'Google', EmulatedIdentities: [{ email: 'x' }] }] }),
    'f.json: $.UserPools[0].IdentityProviders[0].EmulatedIdentities[0]: missing required field sub',
  );
});
