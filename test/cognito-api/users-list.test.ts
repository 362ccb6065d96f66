// ListUsers: Cognito's filter syntax, Limit, PaginationToken and AttributesToGet, through the real
// AWS SDK (and its paginator) against a listening emulator.
import { AdminCreateUserCommand, ListUsersCommand, paginateListUsers, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { rejectsWith } from '../helpers/sdk.js';
import { EMAIL_POOL_ID, PLAIN_POOL_ID, POOL_ID } from '../helpers/fixtures/index.js';
import { startUsersServer } from '../helpers/users.js';

const { sdk, deps } = await startUsersServer(t);

const list = async (Filter?: string, poolId = POOL_ID) =>
  ((await sdk.send(new ListUsersCommand({ UserPoolId: poolId, ...(Filter !== undefined ? { Filter } : {}) }))).Users ?? [])
    .map((u) => u.Username)
    .sort();

t.test('every user, as UserType records', async (t) => {
  const out = await sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID }));
  t.same(out.Users?.map((u) => u.Username).sort(), ['alice', 'bob', 'carol', 'dave']);
  t.equal(out.PaginationToken, undefined);
  const alice = out.Users!.find((u) => u.Username === 'alice')!;
  t.match(alice, { Enabled: true, UserStatus: 'CONFIRMED' });
  t.ok(alice.UserCreateDate instanceof Date && alice.UserLastModifiedDate instanceof Date);
  t.match(Object.fromEntries(alice.Attributes!.map((a) => [a.Name, a.Value])), {
    email: 'alice@example.com',
    given_name: 'Alice',
    'custom:tier': 'gold',
  });
  t.equal(out.Users!.find((u) => u.Username === 'carol')!.Enabled, false);
  t.same(await list('', POOL_ID), ['alice', 'bob', 'carol', 'dave'], 'an empty filter lists everyone');
});

t.test('filters: = and ^= on every searchable attribute', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['email = "alice@example.com"', ['alice']],
    ['email = "ALICE@example.com"', ['alice']],
    ['email ^= "b"', ['bob']],
    ['email ^= "nobody"', []],
    ['username = "carol"', ['carol']],
    ['username = "Carol"', []],
    ['username ^= "da"', ['dave']],
    ['phone_number = "+15555550100"', ['alice']],
    ['phone_number ^= "+1555"', ['alice']],
    ['given_name = "Alice"', ['alice']],
    ['family_name ^= "Lid"', ['alice']],
    ['name = "Alice"', []],
    ['preferred_username = "al"', []],
    ['cognito:user_status = "UNCONFIRMED"', ['dave']],
    ['cognito:user_status = "force_change_password"', ['bob']],
    ['status = "Disabled"', ['carol']],
    ['status = "Enabled"', ['alice', 'bob', 'dave']],
    ['status = "enabled"', []],
    ['email="alice@example.com"', ['alice']],
    ['  username   =   "bob"  ', ['bob']],
  ];
  for (const [filter, expected] of cases) t.same(await list(filter), expected, filter);
  const sub = deps.store.getUser(POOL_ID, 'bob')!.Attributes.sub!;
  t.same(await list(`sub = "${sub}"`), ['bob'], 'sub');
  t.same(await list(`sub ^= "${sub.slice(0, 8)}"`), ['bob'], 'sub prefix');
});

t.test('quotes inside the value are escaped with a backslash', async (t) => {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: 'quoted',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'name', Value: 'The "Q" \\ one' }],
    }),
  );
  t.same(await list('name = "The \\"Q\\" \\\\ one"'), ['quoted']);
  t.same(await list('name ^= "The \\"Q"'), ['quoted']);
});

t.test('exact matches on indexed attributes use the index, and find every user with the value', async (t) => {
  for (const name of ['twin1', 'twin2']) {
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: PLAIN_POOL_ID,
        Username: name,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'twins@example.com' },
          { Name: 'preferred_username', Value: 'twin' },
        ],
      }),
    );
  }
  const scans = { count: 0 };
  const listUsers = deps.store.listUsers.bind(deps.store);
  deps.store.listUsers = (poolId) => {
    scans.count++;
    return listUsers(poolId);
  };
  t.teardown(() => {
    deps.store.listUsers = listUsers;
  });
  t.same(await list('email = "twins@example.com"', PLAIN_POOL_ID), ['twin1', 'twin2']);
  t.same(await list('preferred_username = "twin"', PLAIN_POOL_ID), ['twin1', 'twin2']);
  t.same(await list('username = "twin1"', PLAIN_POOL_ID), ['twin1']);
  t.same(await list('phone_number = "+15555550100"'), ['alice']);
  t.equal(scans.count, 0, 'no scan');
  t.same(await list('given_name = "Alice"'), ['alice']);
  t.equal(scans.count, 1, 'other attributes scan');
});

t.test('email-as-username pools: usernames are subs, the email filter finds them', async (t) => {
  const users = (await sdk.send(new ListUsersCommand({ UserPoolId: EMAIL_POOL_ID, Filter: 'email = "erin@example.com"' }))).Users!;
  t.equal(users.length, 1);
  t.equal(users[0]!.Username, users[0]!.Attributes!.find((a) => a.Name === 'sub')!.Value);
});

t.test('malformed filters and unsearchable attributes', async (t) => {
  for (const filter of ['email', 'email = alice', 'email == "a"', 'email = "a" and', 'email ~ "a"', '= "a"', 'email = "unterminated']) {
    await rejectsWith(
      t,
      sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: filter })),
      'InvalidParameterException',
      'Error while parsing filter.',
    );
  }
  await rejectsWith(
    t,
    sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'custom:tier = "gold"' })),
    'InvalidParameterException',
    'Invalid search attribute: custom:tier',
  );
  await rejectsWith(
    t,
    sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'nickname = "x"' })),
    'InvalidParameterException',
    'Invalid search attribute: nickname',
  );
  await rejectsWith(
    t,
    sdk.send(new ListUsersCommand({ UserPoolId: 'us-east-1_Missing99' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Missing99 does not exist.',
  );
});

t.test('Limit and PaginationToken', async (t) => {
  for (let i = 0; i < 7; i++) {
    await sdk.send(new AdminCreateUserCommand({ UserPoolId: PLAIN_POOL_ID, Username: `page${i}`, MessageAction: 'SUPPRESS' }));
  }
  const first = await sdk.send(new ListUsersCommand({ UserPoolId: PLAIN_POOL_ID, Filter: 'username ^= "page"', Limit: 3 }));
  t.equal(first.Users?.length, 3);
  t.type(first.PaginationToken, 'string');
  const seen: UserType[] = [];
  for await (const page of paginateListUsers({ client: sdk, pageSize: 3 }, { UserPoolId: PLAIN_POOL_ID, Filter: 'username ^= "page"' })) {
    t.ok((page.Users?.length ?? 0) <= 3);
    seen.push(...(page.Users ?? []));
  }
  t.same(seen.map((u) => u.Username).sort(), ['page0', 'page1', 'page2', 'page3', 'page4', 'page5', 'page6'], 'each user once');

  // A user deleted between pages does not make the next page skip or repeat anyone.
  const second = await sdk.send(
    new ListUsersCommand({ UserPoolId: PLAIN_POOL_ID, Filter: 'username ^= "page"', Limit: 3, PaginationToken: first.PaginationToken }),
  );
  await deps.store.deleteUser(PLAIN_POOL_ID, first.Users![0]!.Username!);
  const resumed = await sdk.send(
    new ListUsersCommand({ UserPoolId: PLAIN_POOL_ID, Filter: 'username ^= "page"', Limit: 3, PaginationToken: first.PaginationToken }),
  );
  t.same(
    resumed.Users?.map((u) => u.Username),
    second.Users?.map((u) => u.Username),
  );

  // Cognito names the one bound a value breaks.
  const invalidLimit = (n: number) =>
    rejectsWith(
      t,
      sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, Limit: n })),
      'InvalidParameterException',
      `1 validation error detected: Value '${n}' at 'limit' failed to satisfy constraint: Member must have \
value ${n > 60 ? 'less than or equal to 60' : 'greater than or equal to 1'}`,
    );
  await invalidLimit(0);
  await invalidLimit(61);
  await rejectsWith(
    t,
    sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, PaginationToken: 'garbage' })),
    'InvalidParameterException',
    'Invalid pagination token.',
  );
});

t.test('the default page is 60 users', async (t) => {
  for (let i = 0; i < 62; i++) {
    await deps.store.putUser({
      UserPoolId: PLAIN_POOL_ID,
      Username: `bulk${i}`,
      Attributes: { sub: `bulk-${i}` },
      UserStatus: 'CONFIRMED',
      Enabled: true,
      Groups: [],
      UserCreateDate: 0,
      UserLastModifiedDate: 0,
    });
  }
  const out = await sdk.send(new ListUsersCommand({ UserPoolId: PLAIN_POOL_ID, Filter: 'username ^= "bulk"' }));
  t.equal(out.Users?.length, 60);
  const rest = await sdk.send(
    new ListUsersCommand({ UserPoolId: PLAIN_POOL_ID, Filter: 'username ^= "bulk"', PaginationToken: out.PaginationToken }),
  );
  t.equal(rest.Users?.length, 2);
  t.equal(rest.PaginationToken, undefined);
});

t.test('AttributesToGet', async (t) => {
  const out = await sdk.send(
    new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'username = "alice"', AttributesToGet: ['email', 'given_name'] }),
  );
  t.same(out.Users?.[0]?.Attributes, [
    { Name: 'email', Value: 'alice@example.com' },
    { Name: 'given_name', Value: 'Alice' },
  ]);
  const none = await sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'username = "alice"', AttributesToGet: [] }));
  t.same(none.Users?.[0]?.Attributes, []);
  await rejectsWith(
    t,
    sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, AttributesToGet: ['shoe_size'] })),
    'InvalidParameterException',
    'One or more requested attributes do not exist: shoe_size',
  );
});
