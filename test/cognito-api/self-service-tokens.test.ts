// The access-token operations (GetUser, UpdateUserAttributes, DeleteUserAttributes, GetUserAttributeVerificationCode,
// VerifyUserAttribute, ChangePassword, GlobalSignOut, DeleteUser) and RevokeToken, through the real
// AWS SDK against a listening emulator. Tokens are minted in-process.
import {
  AdminCreateUserCommand,
  ChangePasswordCommand,
  DeleteUserAttributesCommand,
  DeleteUserCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  RevokeTokenCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import {
  EMAIL_POOL_ID,
  M2M_CLIENT,
  M2M_SECRET,
  NO_REVOKE_CLIENT,
  PASSWORD,
  SECRET,
  ADMIN_SCOPE,
  EMAIL_CLIENT,
  LIMITED_CLIENT,
  POOL_ID,
  PUBLIC_CLIENT,
  SECRET_CLIENT,
} from '../helpers/fixtures/index.js';
import { rejectsWith } from '../helpers/sdk.js';

import { lastCode, messages, refresh, startUsersServer, tokensFor } from '../helpers/users.js';

const { sdk, url, deps, clock } = await startUsersServer(t);
const NOT_AUTHORIZED = 'NotAuthorizedException';

const newUser = async (username: string) => {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: username,
      MessageAction: 'SUPPRESS',
      TemporaryPassword: PASSWORD,
      UserAttributes: [
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await deps.store.putUser({ ...deps.store.getUser(POOL_ID, username)!, UserStatus: 'CONFIRMED' });
  return tokensFor(deps, username);
};
const attrs = (list: Array<{ Name?: string; Value?: string }> | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.Name, a.Value]));

t.test('GetUser', async (t) => {
  const { access_token } = await tokensFor(deps, 'alice');
  const out = await sdk.send(new GetUserCommand({ AccessToken: access_token }));
  t.equal(out.Username, 'alice');
  t.match(attrs(out.UserAttributes), {
    email: 'alice@example.com',
    email_verified: 'true',
    given_name: 'Alice',
    'custom:tier': 'gold',
    sub: /-/,
  });
});

t.test('access-token failures', async (t) => {
  const get = (AccessToken: string) => sdk.send(new GetUserCommand({ AccessToken }));
  const noAdmin = await tokensFor(deps, 'alice', { scopes: ['openid', 'email'] });
  await rejectsWith(t, get(noAdmin.access_token), NOT_AUTHORIZED, 'Access Token does not have required scopes');
  await rejectsWith(t, get('not-a-token'), NOT_AUTHORIZED, 'Invalid Access Token');
  await rejectsWith(t, get(noAdmin.id_token!), NOT_AUTHORIZED, 'Invalid Access Token');
  const body = (await (
    await fetch(`${url}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${M2M_CLIENT}:${M2M_SECRET}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    })
  ).json()) as { access_token: string };
  await rejectsWith(t, get(body.access_token), NOT_AUTHORIZED, 'Access Token does not have required scopes');
  const { access_token } = await tokensFor(deps, 'alice');
  const [h, p, s] = access_token.split('.');
  await rejectsWith(t, get(`${h}.${p}.${s!.slice(0, -4)}AAAA`), NOT_AUTHORIZED, 'Invalid Access Token');
  clock.offsetMs += 3600_000 + 5000;
  t.teardown(() => {
    clock.offsetMs -= 3600_000 + 5000;
  });
  await rejectsWith(t, get(access_token), NOT_AUTHORIZED, 'Access Token has expired');
});

t.test('DeleteUserAttributes: the signed-in user removes their own attributes', async (t) => {
  const { access_token } = await newUser('della');
  await sdk.send(
    new UpdateUserAttributesCommand({
      AccessToken: access_token,
      UserAttributes: [
        { Name: 'nickname', Value: 'Del' },
        { Name: 'custom:tier', Value: 'gold' },
      ],
    }),
  );
  const out = await sdk.send(
    new DeleteUserAttributesCommand({ AccessToken: access_token, UserAttributeNames: ['nickname', 'custom:tier', 'email'] }),
  );
  t.same(out.$metadata.httpStatusCode, 200);
  const left = attrs((await sdk.send(new GetUserCommand({ AccessToken: access_token }))).UserAttributes);
  t.same(Object.keys(left).sort(), ['sub'], 'email_verified goes with email');
  t.equal(deps.store.findUserByAttribute(POOL_ID, 'email', 'della@example.com'), undefined, 'email index updated');
  await sdk.send(new DeleteUserAttributesCommand({ AccessToken: access_token, UserAttributeNames: ['given_name'] }));
  t.pass('deleting an attribute the user does not have succeeds');

  const del = (AccessToken: string, UserAttributeNames: string[]) =>
    sdk.send(new DeleteUserAttributesCommand({ AccessToken, UserAttributeNames }));
  await rejectsWith(
    t,
    del(access_token, ['sub']),
    'InvalidParameterException',
    'Cannot delete attribute sub: it is required to identify the user.',
  );
  await rejectsWith(
    t,
    del(access_token, ['nope']),
    'InvalidParameterException',
    'Attributes did not conform to the schema: nope: Attribute does not exist in the schema.',
  );
  await rejectsWith(t, del('not-a-token', ['nickname']), NOT_AUTHORIZED, 'Invalid Access Token');
  const noAdmin = await tokensFor(deps, 'della', { scopes: ['openid'] });
  await rejectsWith(t, del(noAdmin.access_token, ['nickname']), NOT_AUTHORIZED, 'Access Token does not have required scopes');
  const limited = await tokensFor(deps, 'della', { clientId: LIMITED_CLIENT });
  await rejectsWith(t, del(limited.access_token, ['nickname']), NOT_AUTHORIZED, 'A client attempted to write unauthorized attribute');
  const erinName = deps.store.findUserByAttribute(EMAIL_POOL_ID, 'email', 'erin@example.com')!.Username;
  const erin = await tokensFor(deps, erinName, { poolId: EMAIL_POOL_ID, clientId: EMAIL_CLIENT });
  await rejectsWith(
    t,
    del(erin.access_token, ['email']),
    'InvalidParameterException',
    'Cannot delete attribute email: it is required to identify the user.',
  );
  await sdk.send(new GlobalSignOutCommand({ AccessToken: access_token }));
  await rejectsWith(t, del(access_token, ['nickname']), NOT_AUTHORIZED, 'Access Token has been revoked');
});

t.test('UpdateUserAttributes, GetUserAttributeVerificationCode, VerifyUserAttribute', async (t) => {
  const { access_token } = await newUser('rita');
  const out = await sdk.send(
    new UpdateUserAttributesCommand({ AccessToken: access_token, UserAttributes: [{ Name: 'nickname', Value: 'Ri' }] }),
  );
  t.equal(out.CodeDeliveryDetailsList, undefined, 'nothing to verify');
  const changed = await sdk.send(
    new UpdateUserAttributesCommand({ AccessToken: access_token, UserAttributes: [{ Name: 'email', Value: 'rita@new.example' }] }),
  );
  t.same(changed.CodeDeliveryDetailsList, [{ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'r***@n***' }]);
  t.match(attrs((await sdk.send(new GetUserCommand({ AccessToken: access_token }))).UserAttributes), {
    nickname: 'Ri',
    email: 'rita@new.example',
    email_verified: 'false',
  });
  const code = await lastCode(url, POOL_ID, 'rita');
  t.match((await messages(url, { userPoolId: POOL_ID, username: 'rita' })).at(-1), {
    trigger: 'UpdateUserAttributes',
    destination: 'rita@new.example',
  });
  await rejectsWith(
    t,
    sdk.send(
      new VerifyUserAttributeCommand({ AccessToken: access_token, AttributeName: 'email', Code: code === '123456' ? '654321' : '123456' }),
    ),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
  await sdk.send(new VerifyUserAttributeCommand({ AccessToken: access_token, AttributeName: 'email', Code: code }));
  t.equal(deps.store.getUser(POOL_ID, 'rita')!.Attributes.email_verified, 'true');

  const again = await sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: access_token, AttributeName: 'email' }));
  t.same(again.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'r***@n***' });
  t.match((await messages(url, { userPoolId: POOL_ID, username: 'rita' })).at(-1), {
    trigger: 'GetUserAttributeVerificationCode',
    code: /^\d{6}$/,
  });
  await rejectsWith(
    t,
    sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: access_token, AttributeName: 'phone_number' })),
    'InvalidParameterException',
    'The user has no phone_number to verify.',
  );
  await rejectsWith(
    t,
    sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: access_token, AttributeName: 'nickname' })),
    'InvalidParameterException',
    'Invalid attribute name: nickname cannot be verified.',
  );
  clock.offsetMs += 24 * 3600_000 + 1000;
  t.teardown(() => {
    clock.offsetMs -= 24 * 3600_000 + 1000;
  });
  const late = await tokensFor(deps, 'rita');
  await rejectsWith(
    t,
    sdk.send(
      new VerifyUserAttributeCommand({
        AccessToken: late.access_token,
        AttributeName: 'email',
        Code: await lastCode(url, POOL_ID, 'rita'),
      }),
    ),
    'ExpiredCodeException',
    'Invalid code provided, please request a code again.',
  );
});

t.test('UpdateUserAttributes failures', async (t) => {
  const { access_token } = await tokensFor(deps, 'alice');
  const update = (UserAttributes: Array<{ Name: string; Value: string }>, token = access_token) =>
    sdk.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes }));
  await rejectsWith(
    t,
    update([{ Name: 'email_verified', Value: 'true' }]),
    NOT_AUTHORIZED,
    'A client attempted to write unauthorized attribute',
  );
  await rejectsWith(
    t,
    update([{ Name: 'pets', Value: '2' }]),
    'InvalidParameterException',
    'Attributes did not conform to the schema: pets: Attribute does not exist in the schema.',
  );
  await rejectsWith(
    t,
    update([{ Name: 'sub', Value: 'x' }]),
    'InvalidParameterException',
    'Attributes did not conform to the schema: sub: Attribute cannot be updated.',
  );
  const limited = await tokensFor(deps, 'alice', { clientId: LIMITED_CLIENT });
  await rejectsWith(
    t,
    update([{ Name: 'family_name', Value: 'X' }], limited.access_token),
    NOT_AUTHORIZED,
    'A client attempted to write unauthorized attribute',
  );
  await update([{ Name: 'given_name', Value: 'Alicia' }], limited.access_token);
  t.equal(deps.store.getUser(POOL_ID, 'alice')!.Attributes.given_name, 'Alicia');
  await rejectsWith(t, update([{ Name: 'given_name', Value: 'X' }], 'garbage'), NOT_AUTHORIZED, 'Invalid Access Token');
});

t.test('ChangePassword', async (t) => {
  const { access_token } = await newUser('sam');
  const change = (PreviousPassword: string, ProposedPassword: string) =>
    sdk.send(new ChangePasswordCommand({ AccessToken: access_token, PreviousPassword, ProposedPassword }));
  await rejectsWith(t, change('Wrong-Passw0rd', 'Changed-Passw0rd'), NOT_AUTHORIZED, 'Incorrect username or password.');
  await rejectsWith(
    t,
    change(PASSWORD, 'changed'),
    'InvalidPasswordException',
    'Password did not conform with password policy: Password not long enough',
  );
  await change(PASSWORD, 'Changed-Passw0rd');
  const sam = deps.store.getUser(POOL_ID, 'sam')!;
  t.ok(await deps.credentials.verify(sam, 'Changed-Passw0rd'));
  t.notOk(await deps.credentials.verify(sam, PASSWORD));
  t.equal((await sdk.send(new GetUserCommand({ AccessToken: access_token }))).Username, 'sam', 'tokens stay valid');
});

t.test('GlobalSignOut: every token of the user refused, including the one used', async (t) => {
  const first = await newUser('tess');
  const second = await tokensFor(deps, 'tess');
  await sdk.send(new GlobalSignOutCommand({ AccessToken: first.access_token }));
  for (const tokens of [first, second]) {
    await rejectsWith(
      t,
      sdk.send(new GetUserCommand({ AccessToken: tokens.access_token })),
      NOT_AUTHORIZED,
      'Access Token has been revoked',
    );
    t.same(await refresh(url, tokens.refresh_token!), { status: 400, body: { error: 'invalid_grant' } });
  }
  await rejectsWith(
    t,
    sdk.send(new GlobalSignOutCommand({ AccessToken: first.access_token })),
    NOT_AUTHORIZED,
    'Access Token has been revoked',
  );
  t.equal((await sdk.send(new GetUserCommand({ AccessToken: (await tokensFor(deps, 'tess')).access_token }))).Username, 'tess');
});

t.test('DeleteUser', async (t) => {
  const { access_token } = await newUser('uma');
  await sdk.send(new DeleteUserCommand({ AccessToken: access_token }));
  t.equal(deps.store.getUser(POOL_ID, 'uma'), undefined);
  await rejectsWith(t, sdk.send(new GetUserCommand({ AccessToken: access_token })), NOT_AUTHORIZED, 'Access Token has been revoked');
  await rejectsWith(t, sdk.send(new DeleteUserCommand({ AccessToken: access_token })), NOT_AUTHORIZED, 'Access Token has been revoked');
});

t.test('RevokeToken: the refresh token family stops working', async (t) => {
  const kept = await newUser('vic');
  const revoked = await tokensFor(deps, 'vic');
  await sdk.send(new RevokeTokenCommand({ ClientId: PUBLIC_CLIENT, Token: revoked.refresh_token! }));
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: revoked.access_token })),
    NOT_AUTHORIZED,
    'Access Token has been revoked',
  );
  t.same(await refresh(url, revoked.refresh_token!), { status: 400, body: { error: 'invalid_grant' } });
  t.equal((await sdk.send(new GetUserCommand({ AccessToken: kept.access_token }))).Username, 'vic', 'other sign-ins unaffected');
  t.equal((await refresh(url, kept.refresh_token!)).status, 200);
  // Again, or a token that is not ours: success, as at /oauth2/revoke.
  await sdk.send(new RevokeTokenCommand({ ClientId: PUBLIC_CLIENT, Token: revoked.refresh_token! }));
  await sdk.send(
    new RevokeTokenCommand({ ClientId: PUBLIC_CLIENT, Token: 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.a.b.c.d' }),
  );
  // Three dot-separated parts that are not a JWT are garbage, not an access token: success, as at /oauth2/revoke.
  await sdk.send(new RevokeTokenCommand({ ClientId: PUBLIC_CLIENT, Token: 'a.b.c' }));
});

t.test('RevokeToken failures', async (t) => {
  const tokens = await tokensFor(deps, 'alice');
  const revoke = (input: { ClientId?: string; Token?: string; ClientSecret?: string }) =>
    sdk.send(new RevokeTokenCommand({ ClientId: PUBLIC_CLIENT, Token: tokens.refresh_token!, ...input }));
  await rejectsWith(t, revoke({ Token: tokens.access_token }), 'UnsupportedTokenTypeException', 'Unsupported token type.');
  await rejectsWith(
    t,
    revoke({ ClientId: SECRET_CLIENT }),
    NOT_AUTHORIZED,
    `Client ${SECRET_CLIENT} is configured for secret but secret was not received`,
  );
  await rejectsWith(
    t,
    revoke({ ClientId: SECRET_CLIENT, ClientSecret: 'wrong' }),
    NOT_AUTHORIZED,
    `Unable to verify secret for client ${SECRET_CLIENT}`,
  );
  await rejectsWith(
    t,
    revoke({ ClientId: SECRET_CLIENT, ClientSecret: SECRET }),
    'UnauthorizedException',
    'The token was not issued to this client.',
  );
  await rejectsWith(
    t,
    revoke({ ClientId: NO_REVOKE_CLIENT }),
    'UnsupportedOperationException',
    'Token revocation is not enabled for this app client.',
  );
  await rejectsWith(
    t,
    revoke({ ClientId: 'unknownclient0000000000000' }),
    'ResourceNotFoundException',
    'User pool client unknownclient0000000000000 does not exist.',
  );
  t.equal((await refresh(url, tokens.refresh_token!)).status, 200, 'no failed call revoked anything');
  const confidential = await tokensFor(deps, 'alice', { clientId: SECRET_CLIENT });
  await sdk.send(new RevokeTokenCommand({ ClientId: SECRET_CLIENT, ClientSecret: SECRET, Token: confidential.refresh_token! }));
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: confidential.access_token })),
    NOT_AUTHORIZED,
    'Access Token has been revoked',
  );
});

t.test('the admin scope is what the JSON API checks, whatever else the token carries', async (t) => {
  const tokens = await tokensFor(deps, 'alice', { scopes: ['openid', 'profile', ADMIN_SCOPE] });
  t.equal((await sdk.send(new GetUserCommand({ AccessToken: tokens.access_token }))).Username, 'alice');
});
