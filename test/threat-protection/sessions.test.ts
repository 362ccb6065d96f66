// Token sessions through the AWS SDK: one per sign-in with a refresh token, listed newest first,
// the caller's marked; a refresh moves its last activity; revoking one stops its refresh token and
// the access tokens issued from it, and only those; sessions ended otherwise are not listed.
import {
  AdminListUserSessionsCommand,
  AdminRevokeUserSessionCommand,
  AdminUserGlobalSignOutCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUserSessionsCommand,
  RevokeTokenCommand,
  RevokeUserSessionCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { rejectsWith } from '../helpers/sdk.js';
import { PASSWORD, startThreatServer } from './pool.js';

const { sdk, server, threatPool, confirmedUser, adminSignIn } = await startThreatServer(t);
const { poolId, clientId } = await threatPool('OFF');

const adminList = async (Username: string) =>
  (await sdk.send(new AdminListUserSessionsCommand({ UserPoolId: poolId, Username }))).Sessions ?? [];
const refresh = (REFRESH_TOKEN: string) =>
  sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN } }));

t.test("each sign-in is a token session; ListUserSessions marks the caller's", async (t) => {
  await confirmedUser(poolId, 'ola');
  const first = (await adminSignIn(poolId, clientId, 'ola', PASSWORD, '198.51.100.1')).AuthenticationResult!;
  server.clock.offsetMs += 5000;
  const second = (await adminSignIn(poolId, clientId, 'ola', PASSWORD, '198.51.100.2')).AuthenticationResult!;
  const sessions = await adminList('ola');
  t.equal(sessions.length, 2);
  t.match(sessions[0], {
    SessionType: 'TOKEN',
    ClientId: clientId,
    LastIPAddress: '198.51.100.2',
    IsCurrentSession: false,
    DeviceType: 'unknown',
  });
  t.match(sessions[0]!.SessionId, /^tkn[a-z0-9]{25}$/);
  t.ok(sessions[0]!.CreateDate! > sessions[1]!.CreateDate!, 'newest first');
  const mine = (await sdk.send(new ListUserSessionsCommand({ AccessToken: first.AccessToken! }))).Sessions!;
  t.same(
    mine.map((s) => s.IsCurrentSession),
    [false, true],
  );

  // A refresh moves the session's last activity, and makes no new session.
  server.clock.offsetMs += 5000;
  await refresh(second.RefreshToken!);
  const after = await adminList('ola');
  t.equal(after.length, 2);
  t.ok(after[0]!.LastActiveDate! > after[0]!.CreateDate!);
});

t.test('revoking a session ends its refresh token and access tokens, and only those', async (t) => {
  await confirmedUser(poolId, 'pam');
  const a = (await adminSignIn(poolId, clientId, 'pam')).AuthenticationResult!;
  const b = (await adminSignIn(poolId, clientId, 'pam')).AuthenticationResult!;
  const [sessionB, sessionA] = await adminList('pam');
  // A user cannot revoke the session of the token they call with.
  await rejectsWith(
    t,
    sdk.send(new RevokeUserSessionCommand({ AccessToken: a.AccessToken!, SessionId: sessionA!.SessionId! })),
    'InvalidParameterException',
    'The session that the access token belongs to cannot be revoked with it.',
  );
  await sdk.send(new RevokeUserSessionCommand({ AccessToken: a.AccessToken!, SessionId: sessionB!.SessionId! }));
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: b.AccessToken! })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
  await rejectsWith(t, refresh(b.RefreshToken!), 'NotAuthorizedException', 'Refresh Token has been revoked');
  t.ok((await sdk.send(new GetUserCommand({ AccessToken: a.AccessToken! }))).Username, 'the other session lives');
  t.same(
    (await adminList('pam')).map((s) => s.SessionId),
    [sessionA!.SessionId],
  );

  await sdk.send(
    new AdminRevokeUserSessionCommand({
      UserPoolId: poolId,
      Username: 'pam',
      SessionId: sessionA!.SessionId!,
      RevokeAssociatedSessions: 'LINKED',
    }),
  );
  await rejectsWith(t, refresh(a.RefreshToken!), 'NotAuthorizedException', 'Refresh Token has been revoked');
  t.same(await adminList('pam'), []);
  await rejectsWith(
    t,
    sdk.send(new AdminRevokeUserSessionCommand({ UserPoolId: poolId, Username: 'pam', SessionId: sessionA!.SessionId! })),
    'ResourceNotFoundException',
    'Session not found.',
  );
});

t.test("a session is the user's own: another user's id is not found", async (t) => {
  await confirmedUser(poolId, 'quin');
  await confirmedUser(poolId, 'rae');
  await adminSignIn(poolId, clientId, 'quin');
  const [theirs] = await adminList('quin');
  await rejectsWith(
    t,
    sdk.send(new AdminRevokeUserSessionCommand({ UserPoolId: poolId, Username: 'rae', SessionId: theirs!.SessionId! })),
    'ResourceNotFoundException',
    'Session not found.',
  );
  t.equal((await adminList('quin')).length, 1);
});

t.test('sessions ended by RevokeToken or a global sign-out, or expired, are not listed', async (t) => {
  await confirmedUser(poolId, 'sam');
  const one = (await adminSignIn(poolId, clientId, 'sam')).AuthenticationResult!;
  await adminSignIn(poolId, clientId, 'sam');
  await sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: one.RefreshToken! }));
  t.equal((await adminList('sam')).length, 1);
  server.clock.offsetMs += 1000;
  await sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'sam' }));
  t.equal((await adminList('sam')).length, 0);
  server.clock.offsetMs += 1000;
  await adminSignIn(poolId, clientId, 'sam');
  t.equal((await adminList('sam')).length, 1);
  server.clock.offsetMs += 31 * 86_400_000;
  t.equal((await adminList('sam')).length, 0, 'the refresh token expired after 30 days');
  server.clock.offsetMs = 0;
});

t.test('failures', async (t) => {
  await rejectsWith(t, adminList('nobody'), 'UserNotFoundException', 'User does not exist.');
  await rejectsWith(
    t,
    sdk.send(new AdminListUserSessionsCommand({ UserPoolId: 'us-east-1_Nope', Username: 'ola' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminListUserSessionsCommand({ UserPoolId: poolId, Username: 'ola', NextToken: 'more' })),
    'InvalidParameterException',
    'Invalid pagination token.',
  );
  await rejectsWith(
    t,
    sdk.send(new ListUserSessionsCommand({ AccessToken: 'not-a-token' })),
    'NotAuthorizedException',
    'Invalid Access Token',
  );
  await rejectsWith(
    t,
    sdk.send(new RevokeUserSessionCommand({ AccessToken: 'not-a-token', SessionId: 'tkn0000000000000000000000000' })),
    'NotAuthorizedException',
    'Invalid Access Token',
  );
});
