// Deleting an app client takes what hangs off it (terms, managed-login style, its own risk
// configuration and UI customization, sign-ins in progress through it) and leaves the pool's own
// and other clients' settings; deleting a pool takes everything of the pool. Through the AWS SDK,
// with the emulator's state inspected directly where the API can no longer name the deleted thing.
import {
  AdminCreateUserCommand,
  CreateManagedLoginBrandingCommand,
  CreateTermsCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeRiskConfigurationCommand,
  GetUICustomizationCommand,
  InitiateAuthCommand,
  ListTermsCommand,
  SetRiskConfigurationCommand,
  SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import type { AuthorizeRequest } from '../../src/domain/authorize-request.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const { url, deps } = await testEmulator(t, { listen: true });
const sdk = sdkClient(url);
t.teardown(() => sdk.destroy());

const risk = (ClientId?: string) => ({
  UserPoolId: POOL_ID,
  ...(ClientId ? { ClientId } : {}),
  RiskExceptionConfiguration: { BlockedIPRangeList: ['10.0.0.0/8'] },
});
/** A code, a federated sign-in and a hosted-UI session in progress, put in place directly. */
async function inFlight(userPoolId: string, clientId: string, username: string) {
  const now = deps.clock.now();
  const code = `code-${clientId}`;
  deps.authorizationCodes.save({
    code,
    userPoolId,
    clientId,
    redirectUri: 'http://localhost:3000/callback',
    username,
    scopes: ['openid'],
    authTime: now / 1000,
    expiresAt: now + 60_000,
  });
  const request = { pool: deps.store.getPool(userPoolId), client: deps.store.getClient(clientId) } as unknown as AuthorizeRequest;
  const state = deps.federations.start({ request, providerName: 'Google', nonce: 'n', origin: url });
  const session = await deps.sessions.signIn(undefined, userPoolId, { username, authTime: now / 1000 });
  return {
    code: () => deps.authorizationCodes.list().some((c) => c.code === code),
    federation: () => deps.federations.peek(state) !== undefined,
    session: () => deps.sessions.find(session, userPoolId) !== undefined,
  };
}

const terms = (ClientId: string) => ({
  UserPoolId: POOL_ID,
  ClientId,
  TermsName: 'terms-of-use',
  TermsSource: 'LINK' as const,
  Enforcement: 'NONE' as const,
  Links: { 'cognito:default': 'https://example.com/terms' },
});

t.test("DeleteUserPoolClient removes the client's terms, style, risk configuration, UI customization and pending sign-ins", async (t) => {
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: POOL_ID, Domain: 'cascade-test' }));
  const client = (
    await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: POOL_ID,
        ClientName: 'doomed',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
  ).UserPoolClient!;
  const doomed = client.ClientId!;
  for (const id of [doomed, PUBLIC_CLIENT]) {
    await sdk.send(new CreateTermsCommand(terms(id)));
    await sdk.send(new CreateManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ClientId: id, UseCognitoProvidedValues: true }));
    await sdk.send(new SetRiskConfigurationCommand(risk(id)));
    await sdk.send(new SetUICustomizationCommand({ UserPoolId: POOL_ID, ClientId: id, CSS: '.label-customizable { font-weight: 700; }' }));
  }
  await sdk.send(new SetRiskConfigurationCommand(risk()));
  await sdk.send(
    new SetUICustomizationCommand({ UserPoolId: POOL_ID, ClientId: 'ALL', CSS: '.banner-customizable { background-color: red; }' }),
  );
  const { Session } = await sdk.send(
    new InitiateAuthCommand({
      ClientId: doomed,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'bob', PASSWORD: 'TempPassw0rd!' },
    }),
  );
  t.ok(Session && deps.signInChallenges.get(Session), 'a NEW_PASSWORD_REQUIRED challenge is pending through the client');
  const doomedFlight = await inFlight(POOL_ID, doomed, 'alice');
  const otherFlight = await inFlight(POOL_ID, PUBLIC_CLIENT, 'alice');
  t.ok(doomedFlight.code() && doomedFlight.federation(), 'a code and a federated sign-in of the client are pending');

  await sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: doomed }));
  const pool = deps.store.getPool(POOL_ID)!;
  t.same(
    Object.values(pool.Terms ?? {}).map((x) => x.ClientId),
    [PUBLIC_CLIENT],
    "only the other client's terms are left",
  );
  t.same(
    Object.values(pool.ManagedLoginBrandings ?? {}).map((x) => x.ClientId),
    [PUBLIC_CLIENT],
    "only the other client's style is left",
  );
  t.same(
    Object.keys(pool.RiskConfigurations ?? {}).sort(),
    ['ALL', PUBLIC_CLIENT].sort(),
    "the pool-wide and the other client's risk configurations are left",
  );
  t.same(
    Object.keys(pool.UICustomizations ?? {}).sort(),
    ['ALL', PUBLIC_CLIENT].sort(),
    "the pool-wide and the other client's UI customizations are left",
  );
  t.equal(Session && deps.signInChallenges.get(Session), undefined, 'the pending sign-in is gone');
  t.notOk(doomedFlight.code(), 'its authorization code is gone');
  t.notOk(doomedFlight.federation(), 'its federated sign-in is cancelled');
  t.ok(otherFlight.code() && otherFlight.federation(), "the other client's code and federated sign-in are kept");
  t.ok(doomedFlight.session(), 'the hosted-UI session (per pool, not per client) is kept');
  t.equal((await sdk.send(new ListTermsCommand({ UserPoolId: POOL_ID }))).Terms?.length, 1, 'ListTerms: one document left');
  t.match((await sdk.send(new GetUICustomizationCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT }))).UICustomization, {
    ClientId: PUBLIC_CLIENT,
  });
  t.match(
    (await sdk.send(new DescribeRiskConfigurationCommand({ UserPoolId: POOL_ID, ClientId: SECRET_CLIENT }))).RiskConfiguration,
    { RiskExceptionConfiguration: { BlockedIPRangeList: ['10.0.0.0/8'] } },
    'the pool-wide risk configuration still applies to other clients',
  );
  await rejectsWith(
    t,
    sdk.send(new GetUICustomizationCommand({ UserPoolId: POOL_ID, ClientId: doomed })),
    'ResourceNotFoundException',
    `User pool client ${doomed} does not exist.`,
  );
  await sdk.send(new DeleteUserPoolDomainCommand({ UserPoolId: POOL_ID, Domain: 'cascade-test' }));
});

t.test('DeleteUserPool removes everything of the pool, its in-memory state included', async (t) => {
  const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'doomed' }))).UserPool!;
  const UserPoolId = pool.Id!;
  const client = (
    await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
  ).UserPoolClient!;
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: 'doomed-pool' }));
  await sdk.send(new SetUICustomizationCommand({ UserPoolId, CSS: '.banner-customizable { background-color: red; }' }));
  await sdk.send(new CreateTermsCommand({ ...terms(client.ClientId!), UserPoolId }));
  await sdk.send(
    new AdminCreateUserCommand({ UserPoolId, Username: 'carol', TemporaryPassword: 'TempPassw0rd!', MessageAction: 'SUPPRESS' }),
  );
  const { Session } = await sdk.send(
    new InitiateAuthCommand({
      ClientId: client.ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'carol', PASSWORD: 'TempPassw0rd!' },
    }),
  );
  t.ok(Session && deps.signInChallenges.get(Session), 'a sign-in is pending in the pool');
  const flight = await inFlight(UserPoolId, client.ClientId!, 'carol');
  const kept = await inFlight(POOL_ID, PUBLIC_CLIENT, 'alice');

  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolCommand({ UserPoolId })),
    'InvalidParameterException',
    'User pool cannot be deleted. It has a domain configured that should be deleted first.',
  );
  await sdk.send(new DeleteUserPoolDomainCommand({ UserPoolId, Domain: 'doomed-pool' }));
  await sdk.send(new DeleteUserPoolCommand({ UserPoolId }));
  t.equal(deps.store.getPool(UserPoolId), undefined, 'the pool record, with its terms and UI customization');
  t.equal(deps.store.getClient(client.ClientId!), undefined, 'its client');
  t.same(deps.store.listUsers(UserPoolId), [], 'its users');
  t.equal(deps.store.getKeys(UserPoolId), undefined, 'its keys');
  t.equal(Session && deps.signInChallenges.get(Session), undefined, 'its pending sign-ins');
  t.notOk(flight.code() || flight.federation() || flight.session(), 'its codes, federated sign-ins and hosted-UI sessions');
  t.ok(kept.code() && kept.federation() && kept.session(), "another pool's are kept");
  t.ok(deps.store.getPool(POOL_ID), 'other pools are untouched');
});
