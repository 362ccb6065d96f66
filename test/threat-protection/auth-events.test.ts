// Auth events through the AWS SDK: recorded for sign-ins (Pass, Fail, InProgress then Pass after
// MFA), sign-ups and password changes while threat protection is on; AdminListUserAuthEvents
// paging newest first; feedback by an administrator and by the user's feedback token; and
// UserPoolAddOnNotEnabledException while it is off.
import {
  AdminListUserAuthEventsCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateAuthEventFeedbackCommand,
  ChangePasswordCommand,
  ForgotPasswordCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateAuthEventFeedbackCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import t from 'tap';
import { rejectsWith } from '../helpers/sdk.js';
import { PASSWORD, startThreatServer } from './pool.js';

const { sdk, server, threatPool, confirmedUser, adminSignIn } = await startThreatServer(t);

const events = async (UserPoolId: string, Username: string, extra: { MaxResults?: number; NextToken?: string } = {}) =>
  sdk.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username, ...extra }));

t.test("sign-ins are recorded newest first, with the outcome, the password step and the caller's address", async (t) => {
  const { poolId, clientId } = await threatPool('AUDIT');
  await confirmedUser(poolId, 'ann');
  await rejectsWith(
    t,
    adminSignIn(poolId, clientId, 'ann', 'Wr0ng-Horse!', '198.51.100.7'),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  const ok = await adminSignIn(poolId, clientId, 'ann', PASSWORD, '198.51.100.8');
  const { AuthEvents = [] } = await events(poolId, 'ann');
  t.equal(AuthEvents.length, 2);
  const [pass, fail] = AuthEvents;
  t.match(pass, {
    EventType: 'SignIn',
    EventResponse: 'Pass',
    EventRisk: { RiskDecision: 'NoRisk', CompromisedCredentialsDetected: false },
    ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }],
    EventContextData: { IpAddress: '198.51.100.8' },
  });
  t.match(fail, {
    EventType: 'SignIn',
    EventResponse: 'Fail',
    ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }],
    EventContextData: { IpAddress: '198.51.100.7' },
  });
  t.ok(pass!.CreationDate instanceof Date);
  t.ok(pass!.CreationDate!.getTime() >= fail!.CreationDate!.getTime());
  // The tokens name the event they came from.
  t.equal(decodeJwt(ok.AuthenticationResult!.AccessToken!).event_id, pass!.EventId);
  t.equal(decodeJwt(ok.AuthenticationResult!.IdToken!).event_id, pass!.EventId);
});

t.test('a sign-in stopped at MFA is InProgress, then Pass with the MFA step once the code is right', async (t) => {
  const { poolId, clientId } = await threatPool('AUDIT');
  await sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId,
      MfaConfiguration: 'OPTIONAL',
      EmailMfaConfiguration: { Message: 'Code {####}', Subject: 'Code' },
    }),
  );
  await confirmedUser(poolId, 'bea', [
    { Name: 'email', Value: 'bea@example.com' },
    { Name: 'email_verified', Value: 'true' },
  ]);
  await sdk.send(
    new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'bea', EmailMfaSettings: { Enabled: true, PreferredMfa: true } }),
  );
  const started = await adminSignIn(poolId, clientId, 'bea');
  t.equal(started.ChallengeName, 'EMAIL_OTP');
  t.match((await events(poolId, 'bea')).AuthEvents, [
    { EventResponse: 'InProgress', ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }] },
  ]);
  const code = server.deps.messages.find({ userPoolId: poolId, username: 'bea' }).at(-1)!.code!;
  const done = await sdk.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: poolId,
      ClientId: clientId,
      ChallengeName: 'EMAIL_OTP',
      Session: started.Session!,
      ChallengeResponses: { USERNAME: 'bea', EMAIL_OTP_CODE: code },
    }),
  );
  const listed = (await events(poolId, 'bea')).AuthEvents!;
  t.equal(listed.length, 1, 'the same event, completed');
  t.match(listed[0], {
    EventResponse: 'Pass',
    ChallengeResponses: [
      { ChallengeName: 'Password', ChallengeResponse: 'Success' },
      { ChallengeName: 'Mfa', ChallengeResponse: 'Success' },
    ],
  });
  t.equal(decodeJwt(done.AuthenticationResult!.AccessToken!).event_id, listed[0]!.EventId);
});

t.test('sign-ups, forgotten passwords and password changes are recorded too', async (t) => {
  const { poolId, clientId } = await threatPool('ENFORCED');
  await sdk.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: 'cid',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'cid@example.com' }],
    }),
  );
  await confirmedUser(poolId, 'dee', [
    { Name: 'email', Value: 'dee@example.com' },
    { Name: 'email_verified', Value: 'true' },
  ]);
  const tokens = (await adminSignIn(poolId, clientId, 'dee')).AuthenticationResult!;
  await sdk.send(
    new ChangePasswordCommand({ AccessToken: tokens.AccessToken!, PreviousPassword: PASSWORD, ProposedPassword: 'N3w-Horse-Battery!' }),
  );
  await sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'dee' }));
  t.match((await events(poolId, 'cid')).AuthEvents, [{ EventType: 'SignUp', EventResponse: 'Pass' }]);
  t.match(
    (await events(poolId, 'dee')).AuthEvents!.map((e) => [e.EventType, e.EventResponse]),
    [
      ['ForgotPassword', 'Pass'],
      ['PasswordChange', 'Pass'],
      ['SignIn', 'Pass'],
    ],
  );
});

t.test('paging: MaxResults per page, NextToken while more remain, newest first', async (t) => {
  const { poolId, clientId } = await threatPool('AUDIT');
  await confirmedUser(poolId, 'eve');
  for (let i = 0; i < 5; i++) await adminSignIn(poolId, clientId, 'eve');
  const all = (await events(poolId, 'eve')).AuthEvents!.map((e) => e.EventId);
  t.equal(all.length, 5);
  const first = await events(poolId, 'eve', { MaxResults: 2 });
  t.same(
    first.AuthEvents!.map((e) => e.EventId),
    all.slice(0, 2),
  );
  const second = await events(poolId, 'eve', { MaxResults: 2, NextToken: first.NextToken! });
  t.same(
    second.AuthEvents!.map((e) => e.EventId),
    all.slice(2, 4),
  );
  const third = await events(poolId, 'eve', { MaxResults: 2, NextToken: second.NextToken! });
  t.same(
    third.AuthEvents!.map((e) => e.EventId),
    all.slice(4),
  );
  t.equal(third.NextToken, undefined);
  await rejectsWith(t, events(poolId, 'eve', { NextToken: 'garbage' }), 'InvalidParameterException', 'Invalid pagination token.');
});

t.test('feedback: an administrator rates any event; a user only with the token of that event', async (t) => {
  const { poolId, clientId } = await threatPool('AUDIT');
  await confirmedUser(poolId, 'fay');
  await adminSignIn(poolId, clientId, 'fay');
  await adminSignIn(poolId, clientId, 'fay');
  const [newest, older] = (await events(poolId, 'fay')).AuthEvents!;
  await sdk.send(
    new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: poolId, Username: 'fay', EventId: newest!.EventId!, FeedbackValue: 'Invalid' }),
  );
  const rated = (await events(poolId, 'fay')).AuthEvents![0]!;
  t.equal(rated.EventFeedback?.FeedbackValue, 'Invalid');
  t.equal(rated.EventFeedback?.Provider, 'Admin');
  t.ok(rated.EventFeedback?.FeedbackDate instanceof Date);
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: poolId, Username: 'fay', EventId: 'no-such-event', FeedbackValue: 'Valid' }),
    ),
    'ResourceNotFoundException',
    'Auth event not found.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateAuthEventFeedbackCommand({
        UserPoolId: poolId,
        Username: 'nobody',
        EventId: newest!.EventId!,
        FeedbackValue: 'Valid',
      }),
    ),
    'UserNotFoundException',
    'User does not exist.',
  );

  const { feedbackToken } = await import('../../src/threat-protection/feedback-token.js');
  const sub = server.deps.store.getUser(poolId, 'fay')!.Attributes.sub!;
  const token = (await feedbackToken(server.deps.keys, poolId, sub, older!.EventId!))!;
  await sdk.send(
    new UpdateAuthEventFeedbackCommand({
      UserPoolId: poolId,
      Username: 'fay',
      EventId: older!.EventId!,
      FeedbackToken: token,
      FeedbackValue: 'Valid',
    }),
  );
  t.match((await events(poolId, 'fay')).AuthEvents![1], {
    EventId: older!.EventId,
    EventFeedback: { FeedbackValue: 'Valid', Provider: 'User' },
  });
  // The token rates its own event only.
  await rejectsWith(
    t,
    sdk.send(
      new UpdateAuthEventFeedbackCommand({
        UserPoolId: poolId,
        Username: 'fay',
        EventId: newest!.EventId!,
        FeedbackToken: token,
        FeedbackValue: 'Valid',
      }),
    ),
    'NotAuthorizedException',
    'The feedback token is not valid for this event.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new UpdateAuthEventFeedbackCommand({
        UserPoolId: poolId,
        Username: 'fay',
        EventId: older!.EventId!,
        FeedbackToken: 'forged.token',
        FeedbackValue: 'Valid',
      }),
    ),
    'NotAuthorizedException',
    'The feedback token is not valid for this event.',
  );
});

t.test('with threat protection off nothing is recorded and the operations refuse', async (t) => {
  const { poolId, clientId } = await threatPool('OFF');
  await confirmedUser(poolId, 'gus');
  await adminSignIn(poolId, clientId, 'gus');
  const off = ['UserPoolAddOnNotEnabledException', 'Advanced security features are not enabled for this user pool.'] as const;
  await rejectsWith(t, events(poolId, 'gus'), ...off);
  await rejectsWith(
    t,
    sdk.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: poolId, Username: 'gus', EventId: 'e', FeedbackValue: 'Valid' })),
    ...off,
  );
  await rejectsWith(
    t,
    sdk.send(
      new UpdateAuthEventFeedbackCommand({ UserPoolId: poolId, Username: 'gus', EventId: 'e', FeedbackToken: 'x', FeedbackValue: 'Valid' }),
    ),
    ...off,
  );
  t.same(server.deps.store.listAuthEvents(poolId, server.deps.store.getUser(poolId, 'gus')!.Attributes.sub!), []);
  await rejectsWith(t, events('us-east-1_Nope', 'gus'), 'ResourceNotFoundException', 'User pool us-east-1_Nope does not exist.');
  await rejectsWith(t, events(poolId, 'nobody'), 'UserNotFoundException', 'User does not exist.');
});

t.test('a user keeps the last 100 events; they go with the user', async (t) => {
  const { recordAuthEvent, MAX_EVENTS_PER_USER } = await import('../../src/threat-protection/auth-events.js');
  const { poolId } = await threatPool('AUDIT');
  await confirmedUser(poolId, 'hub');
  const pool = server.deps.store.getPool(poolId)!;
  const user = server.deps.store.getUser(poolId, 'hub')!;
  const ids: string[] = [];
  for (let i = 0; i < MAX_EVENTS_PER_USER + 5; i++)
    ids.push((await recordAuthEvent(server.deps, pool, user, { EventType: 'SignIn', EventResponse: 'Pass' }))!);
  const kept = server.deps.store.listAuthEvents(poolId, user.Attributes.sub!);
  t.equal(kept.length, MAX_EVENTS_PER_USER);
  t.same(
    kept.map((e) => e.EventId),
    ids.reverse().slice(0, MAX_EVENTS_PER_USER),
  );
  const { AdminDeleteUserCommand } = await import('@aws-sdk/client-cognito-identity-provider');
  await sdk.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'hub' }));
  t.same(server.deps.store.listAuthEvents(poolId, user.Attributes.sub!), []);
});
