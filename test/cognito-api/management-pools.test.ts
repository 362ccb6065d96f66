// CreateUserPool, DescribeUserPool, ListUserPools, UpdateUserPool, DeleteUserPool and the domain
// operations, through the real AWS SDK against a listening emulator.
import {
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListUserPoolsCommand,
  UpdateUserPoolCommand,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { EMAIL_POOL_ID, POOL_ID } from '../helpers/fixtures/index.js';
import { rejectsWith, reuseTestKeys, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const server = await testEmulator(t, { listen: true });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
const host = new URL(server.url).host;

const createPool = async (input: Partial<CreateUserPoolCommandInput> = {}, client = sdk) => {
  const out = await client.send(new CreateUserPoolCommand({ PoolName: 'made-by-sdk', ...input }));
  if (!out.UserPool?.Id) throw new Error('no pool id');
  return out.UserPool;
};

t.test('CreateUserPool: Cognito-format id, shape, and keys ready at once', async (t) => {
  const before = Math.floor(Date.now() / 1000);
  const pool = await createPool({ UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'], UserPoolTags: { team: 'qa' } });
  t.match(pool.Id, /^us-east-1_[A-Za-z0-9]{9}$/);
  t.equal(pool.Name, 'made-by-sdk');
  t.equal(pool.Arn, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${pool.Id}`);
  t.same(pool.UsernameAttributes, ['email']);
  t.equal(pool.AliasAttributes, undefined);
  t.same(pool.AutoVerifiedAttributes, ['email']);
  t.same(pool.UserPoolTags, { team: 'qa' });
  t.equal(pool.DeletionProtection, 'INACTIVE');
  t.equal(pool.MfaConfiguration, 'OFF');
  t.equal(pool.EstimatedNumberOfUsers, 0);
  t.same(pool.Policies?.PasswordPolicy, {
    MinimumLength: 8,
    RequireUppercase: true,
    RequireLowercase: true,
    RequireNumbers: true,
    RequireSymbols: true,
    TemporaryPasswordValidityDays: 7,
  });
  t.ok(pool.SchemaAttributes?.some((a) => a.Name === 'sub' && a.Required === true && a.Mutable === false));
  t.ok(pool.CreationDate instanceof Date && pool.CreationDate.getTime() / 1000 >= before - 1, 'epoch-second timestamps');
  const jwks = await fetch(`${server.url}/${pool.Id}/.well-known/jwks.json`);
  t.equal(jwks.status, 200);
  t.equal(((await jwks.json()) as { keys: unknown[] }).keys.length, 2);
  const discovery = await fetch(`${server.url}/${pool.Id}/.well-known/openid-configuration`);
  t.equal(discovery.status, 200);
});

t.test('(other pools reuse the test keys, to keep the file fast)', async () => reuseTestKeys(server.deps));

t.test('CreateUserPool: the region comes from the SigV4 credential scope', async (t) => {
  const eu = sdkClient(server.url, 'eu-west-1');
  t.teardown(() => eu.destroy());
  const pool = await createPool({ PoolName: 'eu pool' }, eu);
  t.match(pool.Id, /^eu-west-1_[A-Za-z0-9]{9}$/);
  t.equal(pool.Arn, `arn:aws:cognito-idp:eu-west-1:000000000000:userpool/${pool.Id}`);
});

t.test('CreateUserPool: invalid input', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolCommand({} as CreateUserPoolCommandInput)),
    'InvalidParameterException',
    "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null",
  );
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolCommand({ PoolName: 'bad/name' })),
    'InvalidParameterException',
    "1 validation error detected: Value 'bad/name' at 'poolName' failed to satisfy constraint: Member must satisfy regular " +
      'expression pattern: [\\w\\s+=,.@-]+',
  );
  await rejectsWith(
    t,
    createPool({ UsernameAttributes: ['email'], AliasAttributes: ['preferred_username'] }),
    'InvalidParameterException',
    'Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.',
  );
  await rejectsWith(
    t,
    createPool({ UsernameAttributes: ['preferred_username' as 'email'] }),
    'InvalidParameterException',
    "1 validation error detected: Value '[preferred_username]' at 'usernameAttributes' failed to satisfy constraint: Member must " +
      'satisfy constraint: [Member must satisfy enum value set: [phone_number, email]]',
  );
});

t.test('DescribeUserPool', async (t) => {
  const { UserPool } = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: POOL_ID }));
  t.equal(UserPool?.Id, POOL_ID);
  t.equal(UserPool?.Name, 'test');
  t.equal(UserPool?.EstimatedNumberOfUsers, 4);
  const email = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: EMAIL_POOL_ID }));
  t.same(email.UserPool?.UsernameAttributes, ['email']);
  await rejectsWith(
    t,
    sdk.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Nope' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
});

t.test('ListUserPools: MaxResults required, pages with NextToken', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new ListUserPoolsCommand({} as { MaxResults: number })),
    'InvalidParameterException',
    "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
  );
  await rejectsWith(
    t,
    sdk.send(new ListUserPoolsCommand({ MaxResults: 61 })),
    'InvalidParameterException',
    "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
  );
  await rejectsWith(
    t,
    sdk.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: 'garbage' })),
    'InvalidParameterException',
    'Invalid pagination token.',
  );
  const all = await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const ids = (all.UserPools ?? []).map((p) => p.Id);
  t.ok(ids.includes(POOL_ID) && ids.includes(EMAIL_POOL_ID));
  t.equal(all.NextToken, undefined);
  const entry = all.UserPools?.find((p) => p.Id === POOL_ID);
  t.same(Object.keys(entry ?? {}).sort(), ['CreationDate', 'Id', 'LambdaConfig', 'LastModifiedDate', 'Name']);
  const paged: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await sdk.send(new ListUserPoolsCommand({ MaxResults: 1, ...(token ? { NextToken: token } : {}) }));
    t.ok((page.UserPools ?? []).length <= 1);
    paged.push(...(page.UserPools ?? []).map((p) => p.Id ?? ''));
    token = page.NextToken;
    pages++;
  } while (token !== undefined && pages < 100);
  t.same([...paged].sort(), [...ids].sort(), 'paging returns every pool once');
});

t.test('UpdateUserPool replaces the kept settings; omitted ones reset', async (t) => {
  const pool = await createPool({ AutoVerifiedAttributes: ['email'] });
  server.clock.offsetMs += 5000;
  t.teardown(() => {
    server.clock.offsetMs -= 5000;
  });
  await sdk.send(
    new UpdateUserPoolCommand({
      UserPoolId: pool.Id,
      AutoVerifiedAttributes: ['phone_number'],
      DeletionProtection: 'ACTIVE',
      UserPoolTags: { a: 'b' },
    }),
  );
  let { UserPool } = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }));
  t.same(UserPool?.AutoVerifiedAttributes, ['phone_number']);
  t.equal(UserPool?.DeletionProtection, 'ACTIVE');
  t.same(UserPool?.UserPoolTags, { a: 'b' });
  t.ok((UserPool?.LastModifiedDate?.getTime() ?? 0) > (pool.LastModifiedDate?.getTime() ?? 0) + 4000, 'LastModifiedDate moved');
  t.equal(UserPool?.CreationDate?.getTime(), pool.CreationDate?.getTime());
  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })),
    'InvalidParameterException',
    'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
  );
  await sdk.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id }));
  ({ UserPool } = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id })));
  t.same(UserPool?.AutoVerifiedAttributes, []);
  t.equal(UserPool?.DeletionProtection, 'INACTIVE');
  t.same(UserPool?.UserPoolTags, {});
  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolCommand({ UserPoolId: 'us-east-1_Nope' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
});

t.test('DeleteUserPool removes the pool, its clients and its keys', async (t) => {
  const pool = await createPool();
  await sdk.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
  await rejectsWith(
    t,
    sdk.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id! })),
    'ResourceNotFoundException',
    `User pool ${pool.Id} does not exist.`,
  );
  t.equal(server.deps.keys.get(pool.Id!), undefined, 'key cache forgotten');
  t.equal(server.deps.store.getKeys(pool.Id!), undefined, 'stored keys deleted');
  t.equal((await fetch(`${server.url}/${pool.Id}/.well-known/jwks.json`)).status, 404);
  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })),
    'ResourceNotFoundException',
    `User pool ${pool.Id} does not exist.`,
  );
});

t.test('prefix domains', async (t) => {
  const pool = await createPool();
  const other = await createPool({ PoolName: 'other' });
  const domain = `d-${Date.now().toString(36)}`;
  const created = await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: pool.Id, Domain: domain }));
  t.equal(created.CloudFrontDomain, undefined, 'no CloudFront target for prefix domains');
  t.equal(created.ManagedLoginVersion, 1);
  const described = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }));
  t.equal(described.UserPool?.Domain, domain);
  const { DomainDescription } = await sdk.send(new DescribeUserPoolDomainCommand({ Domain: domain }));
  t.same(DomainDescription, {
    UserPoolId: pool.Id,
    AWSAccountId: '000000000000',
    Domain: domain,
    CloudFrontDistribution: host,
    Version: '1',
    Status: 'ACTIVE',
    ManagedLoginVersion: 1,
  });
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: other.Id, Domain: domain })),
    'InvalidParameterException',
    'Domain already associated with another user pool.',
  );
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: pool.Id, Domain: `${domain}-2` })),
    'InvalidParameterException',
    'User pool already has a domain configured.',
  );
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: other.Id, Domain: 'Bad_Domain' })),
    'InvalidParameterException',
    'The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. Please ' +
      'enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$',
  );
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: 'us-east-1_Nope', Domain: 'free-one' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })),
    'InvalidParameterException',
    'User pool cannot be deleted. It has a domain configured that should be deleted first.',
  );
  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolDomainCommand({ UserPoolId: other.Id, Domain: domain })),
    'InvalidParameterException',
    'No such domain or user pool exists.',
  );
  await sdk.send(new DeleteUserPoolDomainCommand({ UserPoolId: pool.Id, Domain: domain }));
  t.equal((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }))).UserPool?.Domain, undefined);
  t.same(
    (await sdk.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription,
    {},
    'an unknown domain is an empty description, not an error',
  );
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: other.Id, Domain: domain }));
  t.equal(
    (await sdk.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription?.UserPoolId,
    other.Id,
    'a released domain can be taken by another pool',
  );
  await sdk.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
});

t.test('custom domains', async (t) => {
  const pool = await createPool();
  const CertificateArn = 'arn:aws:acm:us-east-1:000000000000:certificate/abc';
  const created = await sdk.send(
    new CreateUserPoolDomainCommand({
      UserPoolId: pool.Id,
      Domain: 'auth.example.test',
      CustomDomainConfig: { CertificateArn },
    }),
  );
  t.equal(created.CloudFrontDomain, host);
  const { DomainDescription } = await sdk.send(new DescribeUserPoolDomainCommand({ Domain: 'auth.example.test' }));
  t.same(DomainDescription?.CustomDomainConfig, { CertificateArn });
  t.equal(DomainDescription?.Status, 'ACTIVE');
  t.equal((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }))).UserPool?.CustomDomain, 'auth.example.test');
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: pool.Id, Domain: 'auth.example.test', CustomDomainConfig: { CertificateArn } })),
    'InvalidParameterException',
    'Domain already associated with another user pool.',
  );
  await sdk.send(new DeleteUserPoolDomainCommand({ UserPoolId: pool.Id, Domain: 'auth.example.test' }));
  t.equal((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }))).UserPool?.CustomDomain, undefined);
});

t.test('DeleteUserPool of a fixture pool takes its clients and users with it', async (t) => {
  const clientId = 'emailclient000000000000000';
  t.ok(server.deps.store.getClient(clientId), 'fixture client exists before');
  await sdk.send(new DeleteUserPoolCommand({ UserPoolId: EMAIL_POOL_ID }));
  t.equal(server.deps.store.getClient(clientId), undefined);
  t.same(server.deps.store.listUsers(EMAIL_POOL_ID), []);
  await rejectsWith(
    t,
    sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: EMAIL_POOL_ID, ClientId: clientId })),
    'ResourceNotFoundException',
    `User pool ${EMAIL_POOL_ID} does not exist.`,
  );
});
