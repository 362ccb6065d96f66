// Groups and group membership through the real AWS SDK.
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { POOL_ID } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const server = await testEmulator(t, { listen: true });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
const ROLE = 'arn:aws:iam::000000000000:role/editors';

const groupsOf = async (username: string) =>
  (await sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: POOL_ID, Username: username }))).Groups?.map((g) => g.GroupName);

t.test('CreateGroup / GetGroup', async (t) => {
  const { Group } = await sdk.send(
    new CreateGroupCommand({
      UserPoolId: POOL_ID,
      GroupName: 'editors',
      Description: 'Edit things',
      Precedence: 5,
      RoleArn: ROLE,
    }),
  );
  t.match(Group, { GroupName: 'editors', UserPoolId: POOL_ID, Description: 'Edit things', Precedence: 5, RoleArn: ROLE });
  t.ok(Group?.CreationDate instanceof Date && Group.LastModifiedDate instanceof Date);
  const got = await sdk.send(new GetGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors' }));
  t.same(got.Group, Group);
  const bare = (await sdk.send(new CreateGroupCommand({ UserPoolId: POOL_ID, GroupName: 'bare' }))).Group;
  t.same(Object.keys(bare ?? {}).sort(), ['CreationDate', 'GroupName', 'LastModifiedDate', 'UserPoolId']);
  await rejectsWith(
    t,
    sdk.send(new CreateGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors' })),
    'GroupExistsException',
    'A group with the name editors already exists.',
  );
  await rejectsWith(
    t,
    sdk.send(new CreateGroupCommand({ UserPoolId: POOL_ID, GroupName: 'x', Precedence: -1 })),
    'InvalidParameterException',
    "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or " +
      'equal to 0',
  );
  await rejectsWith(
    t,
    sdk.send(new CreateGroupCommand({ UserPoolId: POOL_ID, GroupName: 'x', RoleArn: 'not-an-arn-but-long-enough' })),
    'InvalidParameterException',
    "1 validation error detected: Value 'not-an-arn-but-long-enough' at 'roleArn' failed to satisfy constraint: Member must satisfy " +
      'regular expression pattern: ' +
      'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
  );
  await rejectsWith(
    t,
    sdk.send(new GetGroupCommand({ UserPoolId: POOL_ID, GroupName: 'nope' })),
    'ResourceNotFoundException',
    'Group not found.',
  );
  await rejectsWith(
    t,
    sdk.send(new GetGroupCommand({ UserPoolId: 'us-east-1_Nope', GroupName: 'editors' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
});

t.test('ListGroups: by name, paged', async (t) => {
  const all = await sdk.send(new ListGroupsCommand({ UserPoolId: POOL_ID }));
  t.same(
    all.Groups?.map((g) => g.GroupName),
    ['admins', 'bare', 'editors', 'readers'],
  );
  t.equal(all.NextToken, undefined);
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await sdk.send(new ListGroupsCommand({ UserPoolId: POOL_ID, Limit: 3, ...(token ? { NextToken: token } : {}) }));
    names.push(...(page.Groups ?? []).map((g) => g.GroupName ?? ''));
    token = page.NextToken;
  } while (token !== undefined && names.length < 10);
  t.same(names, ['admins', 'bare', 'editors', 'readers']);
  await rejectsWith(
    t,
    sdk.send(new ListGroupsCommand({ UserPoolId: POOL_ID, Limit: 61 })),
    'InvalidParameterException',
    "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
  );
});

t.test('UpdateGroup changes only what it is given', async (t) => {
  server.clock.offsetMs += 2000;
  t.teardown(() => {
    server.clock.offsetMs -= 2000;
  });
  const before = (await sdk.send(new GetGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors' }))).Group;
  const { Group } = await sdk.send(new UpdateGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Precedence: 0 }));
  t.equal(Group?.Precedence, 0);
  t.equal(Group?.Description, 'Edit things');
  t.equal(Group?.RoleArn, ROLE);
  t.same(Group?.CreationDate, before?.CreationDate);
  t.ok((Group?.LastModifiedDate?.getTime() ?? 0) > (before?.LastModifiedDate?.getTime() ?? 0));
  await rejectsWith(
    t,
    sdk.send(new UpdateGroupCommand({ UserPoolId: POOL_ID, GroupName: 'nope' })),
    'ResourceNotFoundException',
    'Group not found.',
  );
});

t.test('membership: add, list both ways, remove', async (t) => {
  t.same(await groupsOf('alice'), ['admins', 'readers']);
  await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Username: 'bob' }));
  await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Username: 'bob' }));
  t.same(server.deps.store.getUser(POOL_ID, 'bob')?.Groups, ['editors'], 'adding twice is a no-op');
  await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Username: 'alice' }));
  t.same(await groupsOf('alice'), ['admins', 'editors', 'readers']);
  const members = await sdk.send(new ListUsersInGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors' }));
  t.same(
    members.Users?.map((u) => u.Username),
    ['alice', 'bob'],
  );
  const bob = members.Users?.find((u) => u.Username === 'bob');
  t.equal(bob?.UserStatus, 'FORCE_CHANGE_PASSWORD');
  t.equal(bob?.Enabled, true);
  t.ok(bob?.Attributes?.some((a) => a.Name === 'email' && a.Value === 'bob@example.com'));
  t.ok(bob?.UserCreateDate instanceof Date);
  const page = await sdk.send(new ListUsersInGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Limit: 1 }));
  t.same(
    page.Users?.map((u) => u.Username),
    ['alice'],
  );
  const rest = await sdk.send(
    new ListUsersInGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Limit: 1, NextToken: page.NextToken }),
  );
  t.same(
    rest.Users?.map((u) => u.Username),
    ['bob'],
  );
  t.equal(rest.NextToken, undefined);
  await sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Username: 'bob' }));
  t.same(await groupsOf('bob'), []);
  const limited = await sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: POOL_ID, Username: 'alice', Limit: 2 }));
  t.same(
    limited.Groups?.map((g) => g.GroupName),
    ['admins', 'editors'],
  );
  t.type(limited.NextToken, 'string');
});

t.test('membership failures', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Username: 'nobody' })),
    'UserNotFoundException',
    'User does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, GroupName: 'nope', Username: 'bob' })),
    'ResourceNotFoundException',
    'Group not found.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors', Username: 'nobody' })),
    'UserNotFoundException',
    'User does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: POOL_ID, Username: 'nobody' })),
    'UserNotFoundException',
    'User does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new ListUsersInGroupCommand({ UserPoolId: POOL_ID, GroupName: 'nope' })),
    'ResourceNotFoundException',
    'Group not found.',
  );
});

t.test('DeleteGroup takes the group away from its members', async (t) => {
  await sdk.send(new DeleteGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors' }));
  t.same(await groupsOf('alice'), ['admins', 'readers']);
  await rejectsWith(
    t,
    sdk.send(new GetGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors' })),
    'ResourceNotFoundException',
    'Group not found.',
  );
  await rejectsWith(
    t,
    sdk.send(new DeleteGroupCommand({ UserPoolId: POOL_ID, GroupName: 'editors' })),
    'ResourceNotFoundException',
    'Group not found.',
  );
});
