// AdminCreateUser and AdminDeleteUser through the real AWS SDK against a listening emulator.
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { passwordPolicyProblem } from '../../src/domain/password-policy.js';
import { rejectsWith } from '../helpers/sdk.js';
import { EMAIL_POOL_ID, POOL_ID } from '../helpers/fixtures/index.js';
import { messages, startUsersServer, tokensFor } from '../helpers/users.js';

const { sdk, url, deps } = await startUsersServer(t);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

t.test('AdminCreateUser: FORCE_CHANGE_PASSWORD, generated password meeting the policy, invitation recorded', async (t) => {
  const before = Math.floor(Date.now() / 1000);
  const out = await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: 'newbie',
      UserAttributes: [
        { Name: 'email', Value: 'newbie@example.com' },
        { Name: 'custom:tier', Value: 'silver' },
      ],
    }),
  );
  const user = out.User!;
  t.equal(user.Username, 'newbie');
  t.equal(user.UserStatus, 'FORCE_CHANGE_PASSWORD');
  t.equal(user.Enabled, true);
  t.ok(user.UserCreateDate instanceof Date && user.UserCreateDate.getTime() / 1000 >= before - 1, 'epoch-second dates');
  const attrs = Object.fromEntries(user.Attributes!.map((a) => [a.Name, a.Value]));
  t.match(attrs.sub, UUID);
  t.equal(attrs.email, 'newbie@example.com');
  t.equal(attrs['custom:tier'], 'silver');

  const sent = await messages(url, { userPoolId: POOL_ID, username: 'newbie' });
  t.equal(sent.length, 1);
  t.match(sent[0], { trigger: 'AdminCreateUser', deliveryMedium: 'EMAIL', destination: 'newbie@example.com' });
  const temp = sent[0]!.temporaryPassword!;
  t.equal(passwordPolicyProblem(temp), undefined, 'generated password meets the default policy');
  const stored = deps.store.getUser(POOL_ID, 'newbie')!;
  t.ok(await deps.credentials.verify(stored, temp), 'the temporary password is the one set');
  t.notOk(JSON.stringify(stored).includes(temp), 'never stored in plain text');

  const got = await sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'newbie' }));
  t.equal(got.UserStatus, 'FORCE_CHANGE_PASSWORD');
});

t.test('AdminCreateUser: TemporaryPassword and MessageAction SUPPRESS send nothing', async (t) => {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: 'quiet',
      TemporaryPassword: 'Quiet-Passw0rd',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'quiet@example.com' }],
    }),
  );
  t.same(await messages(url, { userPoolId: POOL_ID, username: 'quiet' }), []);
  t.ok(await deps.credentials.verify(deps.store.getUser(POOL_ID, 'quiet')!, 'Quiet-Passw0rd'));
});

t.test('AdminCreateUser: DesiredDeliveryMediums', async (t) => {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: 'both',
      DesiredDeliveryMediums: ['EMAIL', 'SMS'],
      UserAttributes: [
        { Name: 'email', Value: 'both@example.com' },
        { Name: 'phone_number', Value: '+15555550123' },
      ],
    }),
  );
  const sent = await messages(url, { userPoolId: POOL_ID, username: 'both' });
  t.same(
    sent.map((m) => [m.deliveryMedium, m.destination]),
    [
      ['EMAIL', 'both@example.com'],
      ['SMS', '+15555550123'],
    ],
  );
  t.equal(sent[0]!.temporaryPassword, sent[1]!.temporaryPassword);

  await rejectsWith(
    t,
    sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: POOL_ID,
        Username: 'nophone',
        DesiredDeliveryMediums: ['SMS'],
        UserAttributes: [{ Name: 'email', Value: 'nophone@example.com' }],
      }),
    ),
    'InvalidParameterException',
    'User has no attribute matching desired delivery mediums (SMS)',
  );
  t.equal(deps.store.getUser(POOL_ID, 'nophone'), undefined, 'nothing created');
});

t.test('AdminCreateUser: MessageAction RESEND re-invites with a new temporary password', async (t) => {
  await sdk.send(
    new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'again', UserAttributes: [{ Name: 'email', Value: 'again@example.com' }] }),
  );
  const out = await sdk.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'again', MessageAction: 'RESEND' }));
  t.equal(out.User?.UserStatus, 'FORCE_CHANGE_PASSWORD');
  const sent = await messages(url, { userPoolId: POOL_ID, username: 'again' });
  t.equal(sent.length, 2);
  t.not(sent[0]!.temporaryPassword, sent[1]!.temporaryPassword);
  const user = deps.store.getUser(POOL_ID, 'again')!;
  t.ok(await deps.credentials.verify(user, sent[1]!.temporaryPassword!), 'the new password works');
  t.notOk(await deps.credentials.verify(user, sent[0]!.temporaryPassword!), 'the old one does not');

  await rejectsWith(
    t,
    sdk.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'alice', MessageAction: 'RESEND' })),
    'UnsupportedUserStateException',
    'Resend not possible. alice status is not FORCE_CHANGE_PASSWORD.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'ghost', MessageAction: 'RESEND' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});

t.test('AdminCreateUser: failures', async (t) => {
  const create = (input: Record<string, unknown>) =>
    sdk.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'x-user', ...input }));
  await rejectsWith(t, create({ Username: 'alice' }), 'UsernameExistsException', 'User account already exists');
  await rejectsWith(
    t,
    create({ TemporaryPassword: 'short' }),
    'InvalidPasswordException',
    'Password did not conform with password policy: Password not long enough',
  );
  await rejectsWith(
    t,
    create({ TemporaryPassword: 'nouppercase1!' }),
    'InvalidPasswordException',
    'Password did not conform with password policy: Password must have uppercase characters',
  );
  await rejectsWith(
    t,
    create({ UserAttributes: [{ Name: 'shoe_size', Value: '42' }] }),
    'InvalidParameterException',
    'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.',
  );
  await rejectsWith(
    t,
    create({ UserAttributes: [{ Name: 'sub', Value: 'mine' }] }),
    'InvalidParameterException',
    'Attributes did not conform to the schema: sub: Attribute cannot be updated.',
  );
  await rejectsWith(
    t,
    create({ UserAttributes: [{ Name: 'email', Value: 'not-an-email' }] }),
    'InvalidParameterException',
    'Invalid email address format.',
  );
  await rejectsWith(
    t,
    create({ UserAttributes: [{ Name: 'phone_number', Value: '555-0100' }] }),
    'InvalidParameterException',
    'Invalid phone number format.',
  );
  await rejectsWith(
    t,
    create({ Username: 'has space' }),
    'InvalidParameterException',
    "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: " +
      '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  );
  await rejectsWith(
    t,
    create({ UserPoolId: 'us-east-1_Missing99' }),
    'ResourceNotFoundException',
    'User pool us-east-1_Missing99 does not exist.',
  );
  t.equal(deps.store.getUser(POOL_ID, 'x-user'), undefined, 'no failed call created the user');
});

t.test('AdminCreateUser in a pool with UsernameAttributes=[email]: the Username is a new sub', async (t) => {
  const out = await sdk.send(
    new AdminCreateUserCommand({ UserPoolId: EMAIL_POOL_ID, Username: 'gina@example.com', MessageAction: 'SUPPRESS' }),
  );
  const attrs = Object.fromEntries(out.User!.Attributes!.map((a) => [a.Name, a.Value]));
  t.match(out.User!.Username, UUID);
  t.equal(out.User!.Username, attrs.sub);
  t.equal(attrs.email, 'gina@example.com');
  const got = await sdk.send(new AdminGetUserCommand({ UserPoolId: EMAIL_POOL_ID, Username: 'gina@example.com' }));
  t.equal(got.Username, attrs.sub, 'found by email');

  await rejectsWith(
    t,
    sdk.send(new AdminCreateUserCommand({ UserPoolId: EMAIL_POOL_ID, Username: 'GINA@example.com' })),
    'UsernameExistsException',
    'An account with the given email already exists.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminCreateUserCommand({ UserPoolId: EMAIL_POOL_ID, Username: 'gina' })),
    'InvalidParameterException',
    'Username should be an email.',
  );
});

t.test('AdminDeleteUser: the user and their tokens are gone', async (t) => {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: 'doomed',
      TemporaryPassword: 'Doomed-Passw0rd',
      MessageAction: 'SUPPRESS',
    }),
  );
  const tokens = await tokensFor(deps, 'doomed');
  t.equal((await sdk.send(new GetUserCommand({ AccessToken: tokens.access_token }))).Username, 'doomed');
  await sdk.send(new AdminDeleteUserCommand({ UserPoolId: POOL_ID, Username: 'doomed' }));
  await rejectsWith(
    t,
    sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'doomed' })),
    'UserNotFoundException',
    'User does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: tokens.access_token })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminDeleteUserCommand({ UserPoolId: POOL_ID, Username: 'doomed' })),
    'UserNotFoundException',
    'User does not exist.',
  );

  // The same username can be created again: a new sub, and the old token stays refused.
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'doomed', MessageAction: 'SUPPRESS' }));
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: tokens.access_token })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
});
