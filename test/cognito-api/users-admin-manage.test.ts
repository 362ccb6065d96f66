// AdminUpdateUserAttributes, AdminDeleteUserAttributes, AdminSetUserPassword, AdminEnableUser,
// AdminDisableUser, AdminConfirmSignUp, AdminResetUserPassword and AdminUserGlobalSignOut through
// the real AWS SDK against a listening emulator.
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  ConfirmForgotPasswordCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { rejectsWith } from '../helpers/sdk.js';
import { ALIAS_POOL_ID, EMAIL_POOL_ID, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { lastCode, messages, refresh, startUsersServer, tokensFor } from '../helpers/users.js';

const { sdk, url, deps, clock } = await startUsersServer(t);

const attributesOf = async (username: string, poolId = POOL_ID) => {
  const out = await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
  return Object.fromEntries((out.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
};
const statusOf = async (username: string) =>
  (await sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: username }))).UserStatus;
const create = (username: string, attributes: Record<string, string> = {}) =>
  sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: username,
      TemporaryPassword: 'Temp-Passw0rd',
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );

t.test('AdminUpdateUserAttributes', async (t) => {
  await create('upd', { email: 'upd@example.com', email_verified: 'true' });
  await sdk.send(
    new AdminUpdateUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'upd', UserAttributes: [{ Name: 'given_name', Value: 'Up' }] }),
  );
  t.match(await attributesOf('upd'), { given_name: 'Up', email: 'upd@example.com', email_verified: 'true' });
  t.same(await messages(url, { userPoolId: POOL_ID, username: 'upd' }), [], 'no code for a non-contact attribute');

  // A new email is unverified and, as the pool auto-verifies email, sent a code.
  await sdk.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: POOL_ID,
      Username: 'upd',
      UserAttributes: [{ Name: 'email', Value: 'new@example.com' }],
    }),
  );
  t.match(await attributesOf('upd'), { email: 'new@example.com', email_verified: 'false' });
  const sent = await messages(url, { userPoolId: POOL_ID, username: 'upd' });
  t.match(sent, [{ trigger: 'AdminUpdateUserAttributes', deliveryMedium: 'EMAIL', destination: 'new@example.com', code: /^\d{6}$/ }]);

  // Verified in the same call: no code.
  await sdk.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: POOL_ID,
      Username: 'upd',
      UserAttributes: [
        { Name: 'email', Value: 'third@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  t.match(await attributesOf('upd'), { email: 'third@example.com', email_verified: 'true' });
  t.equal((await messages(url, { userPoolId: POOL_ID, username: 'upd' })).length, 1);
  t.equal(deps.store.findUserByAttribute(POOL_ID, 'email', 'upd@example.com'), undefined, 'old email no longer indexed');
  t.equal(deps.store.findUserByAttribute(POOL_ID, 'email', 'third@example.com')?.Username, 'upd');

  const update = (input: Record<string, unknown>) =>
    sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'upd', UserAttributes: [], ...input }));
  await rejectsWith(
    t,
    update({ UserAttributes: [{ Name: 'favourite', Value: 'x' }] }),
    'InvalidParameterException',
    'Attributes did not conform to the schema: favourite: Attribute does not exist in the schema.',
  );
  await rejectsWith(
    t,
    update({ UserAttributes: [{ Name: 'sub', Value: 'x' }] }),
    'InvalidParameterException',
    'Attributes did not conform to the schema: sub: Attribute cannot be updated.',
  );
  await rejectsWith(
    t,
    update({ UserAttributes: [{ Name: 'email_verified', Value: 'yes' }] }),
    'InvalidParameterException',
    'Attributes did not conform to the schema: email_verified: Attribute value must be true or false.',
  );
  await rejectsWith(t, update({ Username: 'nobody' }), 'UserNotFoundException', 'User does not exist.');
  await rejectsWith(
    t,
    update({ UserAttributes: undefined }),
    'InvalidParameterException',
    "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
  );
});

t.test('AdminUpdateUserAttributes: sign-in aliases stay unique', async (t) => {
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: EMAIL_POOL_ID, Username: 'hal@example.com', MessageAction: 'SUPPRESS' }));
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: EMAIL_POOL_ID,
        Username: 'hal@example.com',
        UserAttributes: [{ Name: 'email', Value: 'erin@example.com' }],
      }),
    ),
    'AliasExistsException',
    'An account with the given email already exists.',
  );
  // Alias pools refuse a second verified holder only.
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: ALIAS_POOL_ID,
      Username: 'gus',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'frank@example.com' }],
    }),
  );
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: ALIAS_POOL_ID,
        Username: 'gus',
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    ),
    'AliasExistsException',
    'An account with the given email already exists.',
  );
});

t.test('AdminDeleteUserAttributes', async (t) => {
  await create('del-attrs', { email: 'da@example.com', email_verified: 'true', given_name: 'Da', family_name: 'Ta' });
  await sdk.send(
    new AdminDeleteUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'del-attrs', UserAttributeNames: ['given_name', 'email'] }),
  );
  const attrs = await attributesOf('del-attrs');
  t.same(Object.keys(attrs).sort(), ['family_name', 'sub'], 'email_verified goes with email');
  t.equal(deps.store.findUserByAttribute(POOL_ID, 'email', 'da@example.com'), undefined);
  await rejectsWith(
    t,
    sdk.send(new AdminDeleteUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'del-attrs', UserAttributeNames: ['sub'] })),
    'InvalidParameterException',
    'Cannot delete attribute sub: it is required to identify the user.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminDeleteUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'del-attrs', UserAttributeNames: ['nope'] })),
    'InvalidParameterException',
    'Attributes did not conform to the schema: nope: Attribute does not exist in the schema.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new AdminDeleteUserAttributesCommand({ UserPoolId: EMAIL_POOL_ID, Username: 'erin@example.com', UserAttributeNames: ['email'] }),
    ),
    'InvalidParameterException',
    'Cannot delete attribute email: it is required to identify the user.',
  );
});

t.test('AdminSetUserPassword', async (t) => {
  await create('setpw');
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'setpw', Password: 'Perm-Passw0rd', Permanent: true }));
  t.equal(await statusOf('setpw'), 'CONFIRMED');
  t.ok(await deps.credentials.verify(deps.store.getUser(POOL_ID, 'setpw')!, 'Perm-Passw0rd'));
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'setpw', Password: 'Temp-Passw0rd2' }));
  t.equal(await statusOf('setpw'), 'FORCE_CHANGE_PASSWORD', 'Permanent defaults to false');
  t.ok(await deps.credentials.verify(deps.store.getUser(POOL_ID, 'setpw')!, 'Temp-Passw0rd2'));
  await rejectsWith(
    t,
    sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'setpw', Password: 'Nosymbol123', Permanent: true })),
    'InvalidPasswordException',
    'Password did not conform with password policy: Password must have symbol characters',
  );
  t.equal(await statusOf('setpw'), 'FORCE_CHANGE_PASSWORD', 'unchanged after a refused password');
  await rejectsWith(
    t,
    sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'ghost', Password: 'Perm-Passw0rd' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});

t.test('AdminDisableUser / AdminEnableUser', async (t) => {
  await create('toggle');
  const tokens = await tokensFor(deps, 'toggle');
  await sdk.send(new AdminDisableUserCommand({ UserPoolId: POOL_ID, Username: 'toggle' }));
  t.equal((await sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'toggle' }))).Enabled, false);
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: tokens.access_token })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
  await sdk.send(new AdminEnableUserCommand({ UserPoolId: POOL_ID, Username: 'toggle' }));
  t.equal((await sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'toggle' }))).Enabled, true);
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: tokens.access_token })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
  const fresh = await tokensFor(deps, 'toggle');
  t.equal((await sdk.send(new GetUserCommand({ AccessToken: fresh.access_token }))).Username, 'toggle', 'new tokens work');
  await rejectsWith(
    t,
    sdk.send(new AdminDisableUserCommand({ UserPoolId: POOL_ID, Username: 'ghost' })),
    'UserNotFoundException',
    'User does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminEnableUserCommand({ UserPoolId: POOL_ID, Username: 'ghost' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});

t.test('AdminConfirmSignUp', async (t) => {
  t.equal(await statusOf('dave'), 'UNCONFIRMED');
  await sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'dave' }));
  t.equal(await statusOf('dave'), 'CONFIRMED');
  await rejectsWith(
    t,
    sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'dave' })),
    'NotAuthorizedException',
    'User cannot be confirmed. Current status is CONFIRMED',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'bob' })),
    'NotAuthorizedException',
    'User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'ghost' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});

t.test('AdminResetUserPassword: RESET_REQUIRED and a reset code to the verified email', async (t) => {
  await create('forgetful', { email: 'forgetful@example.com', email_verified: 'true' });
  await sdk.send(
    new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'forgetful', Password: 'Old-Passw0rd', Permanent: true }),
  );
  await sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'forgetful' }));
  t.equal(await statusOf('forgetful'), 'RESET_REQUIRED');
  const [sent] = await messages(url, { userPoolId: POOL_ID, username: 'forgetful' });
  t.match(sent, { trigger: 'AdminResetUserPassword', deliveryMedium: 'EMAIL', destination: 'forgetful@example.com', code: /^\d{6}$/ });
  await sdk.send(
    new ConfirmForgotPasswordCommand({
      ClientId: PUBLIC_CLIENT,
      Username: 'forgetful',
      ConfirmationCode: sent!.code,
      Password: 'New-Passw0rd',
    }),
  );
  t.equal(await statusOf('forgetful'), 'CONFIRMED');
  t.ok(await deps.credentials.verify(deps.store.getUser(POOL_ID, 'forgetful')!, 'New-Passw0rd'));

  // Phone first when both are verified (API reference).
  await create('phoned', { email: 'p@example.com', email_verified: 'true', phone_number: '+15555550199', phone_number_verified: 'true' });
  await sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'phoned' }));
  t.match(await messages(url, { userPoolId: POOL_ID, username: 'phoned' }), [{ deliveryMedium: 'SMS', destination: '+15555550199' }]);

  await rejectsWith(
    t,
    sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'bob' })),
    'InvalidParameterException',
    'Cannot reset password for the user as there is no registered/verified email or phone_number',
  );
  t.equal(await statusOf('bob'), 'FORCE_CHANGE_PASSWORD', 'unchanged');
  await rejectsWith(
    t,
    sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'ghost' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});

t.test('AdminUserGlobalSignOut: earlier tokens refused at GetUser, refresh and userInfo', async (t) => {
  await create('leaver');
  const before = await tokensFor(deps, 'leaver', { scopes: ['openid', 'aws.cognito.signin.user.admin'] });
  t.equal((await refresh(url, before.refresh_token!)).status, 200, 'refresh works before');
  await sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: POOL_ID, Username: 'leaver' }));
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: before.access_token })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
  t.same(await refresh(url, before.refresh_token!), { status: 400, body: { error: 'invalid_grant' } });
  const info = await fetch(`${url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${before.access_token}` } });
  t.equal(info.status, 401);
  // Tokens issued afterwards, even in the same second, work.
  const after = await tokensFor(deps, 'leaver');
  t.equal((await sdk.send(new GetUserCommand({ AccessToken: after.access_token }))).Username, 'leaver');
  clock.offsetMs += 5000;
  t.equal((await refresh(url, after.refresh_token!)).status, 200);
  clock.offsetMs -= 5000;
  await rejectsWith(
    t,
    sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: POOL_ID, Username: 'ghost' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});

t.test('codes from the admin operations are readable at /_emulator/messages only for their user', async (t) => {
  t.same(await messages(url, { userPoolId: POOL_ID, username: 'nobody-at-all' }), []);
  t.match(await lastCode(url, POOL_ID, 'upd'), /^\d{6}$/);
  t.ok((await messages(url, { userPoolId: POOL_ID })).length >= 3);
  t.same(await messages(url, { userPoolId: 'us-east-1_Other' }), []);
});
