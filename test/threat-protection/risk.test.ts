// The risk configuration applied, through the AWS SDK: compromised passwords refused at sign-in,
// sign-up and password change as configured; IP block and skip lists judged by the caller's
// address (ContextData for admin calls); account-takeover actions for a risk level a test declares
// (POST /_emulator/risk), with the notification and its feedback token; AUDIT records only.
import {
  AdminListUserAuthEventsCommand,
  AdminSetUserMFAPreferenceCommand,
  ChangePasswordCommand,
  SetRiskConfigurationCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateAuthEventFeedbackCommand,
  type SetRiskConfigurationCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { sdkClient, rejectsWith } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { PASSWORD, startThreatServer } from './pool.js';

const { sdk, server, threatPool, confirmedUser, adminSignIn } = await startThreatServer(t);
const LEAKED = 'Password1!';
const BLOCKED = ['NotAuthorizedException', 'Unable to login because of security reasons.'] as const;
const COMPROMISED = ['InvalidPasswordException', 'Provided password cannot be used for security reasons.'] as const;

const newestEvent = async (UserPoolId: string, Username: string) =>
  (await sdk.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username, MaxResults: 1 }))).AuthEvents![0]!;
const setRisk = (UserPoolId: string, settings: Omit<SetRiskConfigurationCommandInput, 'UserPoolId'>) =>
  sdk.send(new SetRiskConfigurationCommand({ UserPoolId, ...settings }));
const declareRisk = async (userPoolId: string, username: string, riskLevel: string, count?: number) => {
  const res = await fetch(`${server.url}/_emulator/risk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userPoolId, username, riskLevel, count }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

t.test('compromised credentials: BLOCK for SIGN_IN refuses a leaked password at sign-in, only in ENFORCED pools', async (t) => {
  const block = {
    CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN' as const], Actions: { EventAction: 'BLOCK' as const } },
  };
  const enforced = await threatPool('ENFORCED');
  await setRisk(enforced.poolId, block);
  await confirmedUser(enforced.poolId, 'leaky', [], LEAKED);
  await confirmedUser(enforced.poolId, 'careful');
  await rejectsWith(t, adminSignIn(enforced.poolId, enforced.clientId, 'leaky', LEAKED), ...BLOCKED);
  t.match(await newestEvent(enforced.poolId, 'leaky'), {
    EventType: 'SignIn',
    EventResponse: 'Fail',
    EventRisk: { RiskDecision: 'Block', CompromisedCredentialsDetected: true },
    ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }],
  });
  t.ok((await adminSignIn(enforced.poolId, enforced.clientId, 'careful')).AuthenticationResult);
  // A wrong password is just wrong: the leak check runs on a proven password.
  await rejectsWith(
    t,
    adminSignIn(enforced.poolId, enforced.clientId, 'leaky', 'Other-Pass1!'),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );

  const audit = await threatPool('AUDIT');
  await setRisk(audit.poolId, block);
  await confirmedUser(audit.poolId, 'leaky', [], LEAKED);
  t.ok((await adminSignIn(audit.poolId, audit.clientId, 'leaky', LEAKED)).AuthenticationResult, 'AUDIT lets it through');
  t.match(await newestEvent(audit.poolId, 'leaky'), { EventResponse: 'Pass', EventRisk: { CompromisedCredentialsDetected: true } });

  // EventFilter without SIGN_IN: sign-in is not blocked.
  const signUpOnly = await threatPool('ENFORCED');
  await setRisk(signUpOnly.poolId, {
    CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_UP'], Actions: { EventAction: 'BLOCK' } },
  });
  await confirmedUser(signUpOnly.poolId, 'leaky', [], LEAKED);
  t.ok((await adminSignIn(signUpOnly.poolId, signUpOnly.clientId, 'leaky', LEAKED)).AuthenticationResult);
});

t.test('compromised credentials at sign-up and password change, as the event filter says', async (t) => {
  const { poolId, clientId } = await threatPool('ENFORCED');
  await setRisk(poolId, { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } } });
  await rejectsWith(t, sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'newbie', Password: LEAKED })), ...COMPROMISED);
  t.equal(server.deps.store.getUser(poolId, 'newbie'), undefined, 'nobody was created');
  await sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'newbie', Password: PASSWORD }));

  await confirmedUser(poolId, 'hal');
  const { AccessToken } = (await adminSignIn(poolId, clientId, 'hal')).AuthenticationResult!;
  await rejectsWith(
    t,
    sdk.send(new ChangePasswordCommand({ AccessToken: AccessToken!, PreviousPassword: PASSWORD, ProposedPassword: 'P@ssw0rd1' })),
    ...COMPROMISED,
  );
  t.match(await newestEvent(poolId, 'hal'), {
    EventType: 'PasswordChange',
    EventResponse: 'Fail',
    EventRisk: { RiskDecision: 'Block', CompromisedCredentialsDetected: true },
  });
  t.ok((await adminSignIn(poolId, clientId, 'hal')).AuthenticationResult, 'the old password still works');

  // NO_ACTION: accepted, and the event says it was compromised.
  await setRisk(poolId, { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'NO_ACTION' } } });
  await sdk.send(new ChangePasswordCommand({ AccessToken: AccessToken!, PreviousPassword: PASSWORD, ProposedPassword: 'P@ssw0rd1' }));
  t.match(await newestEvent(poolId, 'hal'), {
    EventType: 'PasswordChange',
    EventResponse: 'Pass',
    EventRisk: { CompromisedCredentialsDetected: true },
  });
});

t.test("a client's own risk configuration wins over the pool-wide one", async (t) => {
  const { poolId, clientId } = await threatPool('ENFORCED');
  await setRisk(poolId, { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } } });
  await setRisk(poolId, { ClientId: clientId, CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'NO_ACTION' } } });
  await confirmedUser(poolId, 'ivy', [], LEAKED);
  t.ok((await adminSignIn(poolId, clientId, 'ivy', LEAKED)).AuthenticationResult);
});

t.test('IP exceptions: a blocked range is refused, a skipped range gets no risk score', async (t) => {
  const { poolId, clientId } = await threatPool('ENFORCED');
  await setRisk(poolId, {
    RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/24'], SkippedIPRangeList: ['192.0.2.0/24'] },
    AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK', Notify: false } } },
  });
  await confirmedUser(poolId, 'jo');
  await rejectsWith(t, adminSignIn(poolId, clientId, 'jo', PASSWORD, '203.0.113.9'), ...BLOCKED);
  t.match(await newestEvent(poolId, 'jo'), {
    EventResponse: 'Fail',
    EventRisk: { RiskDecision: 'Block' },
    EventContextData: { IpAddress: '203.0.113.9' },
  });
  t.ok((await adminSignIn(poolId, clientId, 'jo', PASSWORD, '198.51.100.20')).AuthenticationResult);
  t.equal((await declareRisk(poolId, 'jo', 'High')).status, 200);
  t.ok((await adminSignIn(poolId, clientId, 'jo', PASSWORD, '192.0.2.44')).AuthenticationResult, 'skipped: not scored');
  t.match(await newestEvent(poolId, 'jo'), { EventResponse: 'Pass', EventRisk: { RiskDecision: 'NoRisk' } });
  await rejectsWith(t, adminSignIn(poolId, clientId, 'jo', PASSWORD, '198.51.100.20'), ...BLOCKED);
});

t.test('account takeover: the configured action for the declared level, with its notification and feedback link', async (t) => {
  const { poolId, clientId } = await threatPool('ENFORCED');
  await sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId,
      MfaConfiguration: 'OPTIONAL',
      EmailMfaConfiguration: { Message: 'Code {####}', Subject: 'Code' },
    }),
  );
  await setRisk(poolId, {
    AccountTakeoverRiskConfiguration: {
      NotifyConfiguration: {
        SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/example.com',
        BlockEmail: { Subject: 'Blocked {username}', TextBody: 'Blocked from {ip-address}' },
      },
      Actions: {
        LowAction: { EventAction: 'NO_ACTION', Notify: false },
        MediumAction: { EventAction: 'MFA_IF_CONFIGURED', Notify: false },
        HighAction: { EventAction: 'MFA_REQUIRED', Notify: true },
      },
    },
  });
  const email = (name: string) => [
    { Name: 'email', Value: `${name}@example.com` },
    { Name: 'email_verified', Value: 'true' },
  ];
  await confirmedUser(poolId, 'kim', email('kim'));
  await confirmedUser(poolId, 'lou', email('lou'));
  await sdk.send(
    new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'lou', EmailMfaSettings: { Enabled: true, PreferredMfa: true } }),
  );

  await declareRisk(poolId, 'kim', 'Low');
  t.ok((await adminSignIn(poolId, clientId, 'kim')).AuthenticationResult);
  t.match(await newestEvent(poolId, 'kim'), { EventResponse: 'Pass', EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'Low' } });
  await declareRisk(poolId, 'kim', 'Medium');
  t.ok((await adminSignIn(poolId, clientId, 'kim')).AuthenticationResult, 'MFA_IF_CONFIGURED: no factor, no MFA');

  // MFA_REQUIRED: a user without a factor is blocked and told so by email, with a feedback token.
  await declareRisk(poolId, 'kim', 'High');
  await rejectsWith(t, adminSignIn(poolId, clientId, 'kim', PASSWORD, '198.51.100.66'), ...BLOCKED);
  const blocked = await newestEvent(poolId, 'kim');
  t.match(blocked, { EventResponse: 'Fail', EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'High' } });
  const note = server.deps.messages.find({ userPoolId: poolId, username: 'kim' }).at(-1)!;
  t.match(note, {
    trigger: 'AccountTakeoverNotification',
    destination: 'kim@example.com',
    subject: 'Blocked kim',
    message: 'Blocked from 198.51.100.66',
  });
  await sdk.send(
    new UpdateAuthEventFeedbackCommand({
      UserPoolId: poolId,
      Username: 'kim',
      EventId: blocked.EventId!,
      FeedbackToken: note.feedbackToken!,
      FeedbackValue: 'Invalid',
    }),
  );
  t.match(await newestEvent(poolId, 'kim'), { EventFeedback: { FeedbackValue: 'Invalid' } });
  t.ok((await adminSignIn(poolId, clientId, 'kim')).AuthenticationResult, 'a declaration is used once');

  // A user with a factor answers MFA.
  await declareRisk(poolId, 'lou', 'High');
  t.equal((await adminSignIn(poolId, clientId, 'lou')).ChallengeName, 'EMAIL_OTP');
  t.match(await newestEvent(poolId, 'lou'), { EventResponse: 'InProgress', EventRisk: { RiskLevel: 'High' } });
});

t.test('account takeover in AUDIT: scored and recorded, never acted on', async (t) => {
  const { poolId, clientId } = await threatPool('AUDIT');
  await setRisk(poolId, { AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK', Notify: true } } } });
  await confirmedUser(poolId, 'max', [{ Name: 'email', Value: 'max@example.com' }]);
  await declareRisk(poolId, 'max', 'High', 2);
  t.ok((await adminSignIn(poolId, clientId, 'max')).AuthenticationResult);
  t.match(await newestEvent(poolId, 'max'), { EventResponse: 'Pass', EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'High' } });
  t.equal(server.deps.messages.find({ userPoolId: poolId, username: 'max' }).length, 0, 'no notification');
  const pending = (await (await fetch(`${server.url}/_emulator/risk`)).json()) as { pending: Array<Record<string, unknown>> };
  t.match(pending.pending, [{ userPoolId: poolId, username: 'max', riskLevel: 'High', remaining: 1 }]);
  await fetch(`${server.url}/_emulator/risk`, { method: 'DELETE' });
  t.same(((await (await fetch(`${server.url}/_emulator/risk`)).json()) as { pending: unknown[] }).pending, []);
});

t.test('POST /_emulator/risk refuses what it cannot use', async (t) => {
  const { poolId } = await threatPool('ENFORCED');
  t.equal((await declareRisk(poolId, 'nobody', 'High')).status, 404);
  t.equal((await declareRisk(poolId, 'x', 'Extreme')).status, 400);
  t.equal((await declareRisk(poolId, 'x', 'High', 0)).status, 400);
});

t.test("fixtures: UserPoolAddOns and the pool's own CompromisedPasswords", async (t) => {
  const fixtured = await testEmulator(t, {
    listen: true,
    fixture: {
      UserPools: [
        {
          Id: 'us-east-1_Threats1',
          Name: 'threats',
          UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
          CompromisedPasswords: ['Our-Old-Default1'],
          Clients: [{ ClientId: 'threatclient1234567890abcd', ClientName: 'app', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] }],
          Users: [{ Username: 'nia', Password: 'Our-Old-Default1' }],
        },
      ],
    },
  });
  const local = sdkClient(fixtured.url);
  t.teardown(() => local.destroy());
  await local.send(
    new SetRiskConfigurationCommand({
      UserPoolId: 'us-east-1_Threats1',
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
    }),
  );
  const { AdminInitiateAuthCommand, DescribeUserPoolCommand } = await import('@aws-sdk/client-cognito-identity-provider');
  t.same((await local.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Threats1' }))).UserPool?.UserPoolAddOns, {
    AdvancedSecurityMode: 'ENFORCED',
  });
  await rejectsWith(
    t,
    local.send(
      new AdminInitiateAuthCommand({
        UserPoolId: 'us-east-1_Threats1',
        ClientId: 'threatclient1234567890abcd',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'nia', PASSWORD: 'Our-Old-Default1' },
      }),
    ),
    ...BLOCKED,
  );
});
