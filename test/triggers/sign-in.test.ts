// Pre authentication, post authentication and migrate user, on the JSON API (password and SRP)
// and the hosted sign-in page, with handlers typed with @types/aws-lambda.
import {
  AdminGetUserCommand,
  ForgotPasswordCommand,
  ConfirmForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PostAuthenticationTriggerHandler, PreAuthenticationTriggerHandler, UserMigrationTriggerHandler } from 'aws-lambda';
import t from 'tap';
import { PASSWORD, PUBLIC_CLIENT, POOL_ID } from '../helpers/fixtures/index.js';
import { openLoginPage, submitLogin } from '../helpers/flow.js';
import { rejectsWith } from '../helpers/sdk.js';
import { srpClient } from '../helpers/auth.js';
import { ARN, Calls, claims, HIDDEN_CLIENT, messages, startTriggerServer, triggerFixture } from '../helpers/triggers.js';

const calls = new Calls();
const LEGACY: Record<string, { password: string; email: string }> = {
  legacy1: { password: 'old-password', email: 'legacy1@example.com' },
  legacy2: { password: 'old-password', email: 'legacy2@example.com' },
  legacy3: { password: 'whatever', email: 'legacy3@example.com' },
};

const preAuth: PreAuthenticationTriggerHandler = async (event) => {
  calls.record(event);
  if (event.request.userAttributes.given_name === 'Alice' && event.request.validationData?.block === 'yes') throw new Error('SPIKE_LOCKED');
  return event;
};
const postAuth: PostAuthenticationTriggerHandler = async (event) => {
  calls.record(event);
  if (event.request.clientMetadata?.failPost === 'yes') throw new Error('audit log down');
  return event;
};
const migrate: UserMigrationTriggerHandler = async (event) => {
  calls.record(event);
  const legacy = LEGACY[event.userName];
  if (!legacy) throw new Error('Bad username');
  if (event.triggerSource === 'UserMigration_Authentication' && event.request.password !== legacy.password) throw new Error('Bad password');
  event.response.userAttributes = { email: legacy.email, email_verified: 'true', given_name: 'Legacy' };
  if (event.userName !== 'legacy3') event.response.finalUserStatus = 'CONFIRMED';
  event.response.messageAction = event.userName === 'legacy2' ? 'RESEND' : 'SUPPRESS';
  if (event.userName === 'legacy2') event.response.desiredDeliveryMediums = ['EMAIL'];
  return event;
};

const server = await startTriggerServer(t, {
  fixture: triggerFixture({ PreAuthentication: ARN('pre-auth'), PostAuthentication: ARN('post-auth'), UserMigration: ARN('migrate') }),
  triggers: { 'pre-auth': preAuth, 'post-auth': postAuth, migrate },
});
const { sdk } = server;
const passwordSignIn = (USERNAME: string, password = PASSWORD, ClientMetadata?: Record<string, string>) =>
  sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: PUBLIC_CLIENT,
      AuthParameters: { USERNAME, PASSWORD: password },
      ...(ClientMetadata ? { ClientMetadata } : {}),
    }),
  );

t.test('PreAuthentication and PostAuthentication: events, refusal', async (t) => {
  const out = await passwordSignIn('alice', PASSWORD, { device: 'web' });
  t.ok(out.AuthenticationResult?.AccessToken);
  t.match(calls.last('PreAuthentication_Authentication'), {
    version: '1',
    userName: 'alice',
    callerContext: { clientId: PUBLIC_CLIENT },
    request: { userAttributes: { email: 'alice@example.com', 'cognito:user_status': 'CONFIRMED' }, validationData: { device: 'web' } },
    response: {},
  });
  t.notOk('userNotFound' in (calls.last('PreAuthentication_Authentication')?.request ?? {}));
  t.match(calls.last('PostAuthentication_Authentication'), {
    userName: 'alice',
    request: { newDeviceUsed: false, userAttributes: { email: 'alice@example.com' }, clientMetadata: { device: 'web' } },
    response: {},
  });
  await rejectsWith(
    t,
    passwordSignIn('alice', PASSWORD, { block: 'yes' }),
    'UserLambdaValidationException',
    'PreAuthentication failed with error SPIKE_LOCKED.',
  );
  await rejectsWith(
    t,
    passwordSignIn('alice', PASSWORD, { failPost: 'yes' }),
    'UserLambdaValidationException',
    'PostAuthentication failed with error audit log down.',
  );
  const before = calls.of('PreAuthentication_Authentication').length;
  await rejectsWith(t, passwordSignIn('carol'), 'NotAuthorizedException', 'User is disabled.');
  t.equal(calls.of('PreAuthentication_Authentication').length, before, 'not called for a disabled user');
});

t.test('SRP: PreAuthentication when the flow starts, PostAuthentication at the end', async (t) => {
  const client = await srpClient(POOL_ID, { fast: true });
  const before = calls.of('PreAuthentication_Authentication').length;
  const start = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: PUBLIC_CLIENT,
      AuthParameters: { USERNAME: 'alice', SRP_A: client.SRP_A },
      ClientMetadata: { block: 'no' },
    }),
  );
  t.equal(calls.of('PreAuthentication_Authentication').length, before + 1);
  const postBefore = calls.of('PostAuthentication_Authentication').length;
  const done = await sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: PUBLIC_CLIENT,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: await client.respond(start.ChallengeParameters, PASSWORD),
    }),
  );
  t.ok(done.AuthenticationResult?.IdToken);
  t.equal(calls.of('PreAuthentication_Authentication').length, before + 1, 'not again at the proof');
  t.equal(calls.of('PostAuthentication_Authentication').length, postBefore + 1);
  await rejectsWith(
    t,
    sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: PUBLIC_CLIENT,
        AuthParameters: { USERNAME: 'alice', SRP_A: client.SRP_A },
        ClientMetadata: { block: 'yes' },
      }),
    ),
    'UserLambdaValidationException',
    'PreAuthentication failed with error SPIKE_LOCKED.',
  );
});

t.test('UserMigration_Authentication: migrated on first sign-in, then signs in without the trigger', async (t) => {
  await rejectsWith(
    t,
    passwordSignIn('legacy1', 'wrong'),
    'UserLambdaValidationException',
    'UserMigration failed with error Bad password.',
  );
  const first = await passwordSignIn('legacy1', 'old-password', { ip: '192.0.2.1' });
  t.ok(first.AuthenticationResult?.IdToken, 'tokens on the first sign-in');
  const e = calls.last('UserMigration_Authentication');
  t.match(e, {
    version: '1',
    userName: 'legacy1',
    callerContext: { clientId: PUBLIC_CLIENT },
    request: { password: 'old-password', validationData: { ip: '192.0.2.1' } },
    response: {
      userAttributes: null,
      finalUserStatus: null,
      messageAction: null,
      desiredDeliveryMediums: null,
      forceAliasCreation: null,
      enableSMSMFA: null,
    },
  });
  t.equal(claims(first.AuthenticationResult?.IdToken).email, 'legacy1@example.com');
  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'legacy1' }));
  t.equal(user.UserStatus, 'CONFIRMED', 'finalUserStatus honoured');
  t.match(user.UserAttributes?.find((a) => a.Name === 'sub')?.Value, /^[0-9a-f-]{36}$/, 'a new sub');
  t.match(calls.last('PreAuthentication_Authentication'), { userName: 'legacy1' }, 'pre authentication also runs');
  t.same(await messages(server, 'legacy1'), [], 'messageAction SUPPRESS: no welcome message');

  const migrations = calls.of('UserMigration_Authentication').length;
  const again = await passwordSignIn('legacy1', 'old-password');
  t.ok(again.AuthenticationResult?.AccessToken, 'signs in again with the migrated password');
  t.equal(calls.of('UserMigration_Authentication').length, migrations, 'without the trigger');
  await rejectsWith(t, passwordSignIn('legacy1', 'wrong'), 'NotAuthorizedException', 'Incorrect username or password.');

  await passwordSignIn('legacy2', 'old-password');
  const welcome = await messages(server, 'legacy2');
  t.match(
    welcome,
    [{ trigger: 'UserMigration', deliveryMedium: 'EMAIL', destination: 'legacy2@example.com' }],
    'RESEND: a welcome message',
  );

  await rejectsWith(t, passwordSignIn('legacy3', 'whatever'), 'PasswordResetRequiredException', 'Password reset required for the user');
  t.equal(
    (await sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'legacy3' }))).UserStatus,
    'RESET_REQUIRED',
    'finalUserStatus unset: RESET_REQUIRED',
  );
  await rejectsWith(t, passwordSignIn('nobody'), 'UserLambdaValidationException', 'UserMigration failed with error Bad username.');
});

t.test('UserMigration_ForgotPassword', async (t) => {
  const LEGACY4 = 'legacy2';
  // legacy2 was migrated above; use a fresh server for a user never seen.
  const fresh = await startTriggerServer(t, { fixture: triggerFixture({ UserMigration: ARN('migrate') }), triggers: { migrate } });
  const out = await fresh.sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: LEGACY4, ClientMetadata: { k: 'v' } }));
  t.equal(out.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
  const e = calls.last('UserMigration_ForgotPassword');
  t.match(e, { userName: LEGACY4, request: { validationData: { k: 'v' }, clientMetadata: { k: 'v' } } });
  t.notOk('password' in (e?.request ?? {}), 'no password in ForgotPassword');
  const code = (await messages(fresh, LEGACY4)).find((m) => m.trigger === 'ForgotPassword')?.code ?? '';
  await fresh.sdk.send(
    new ConfirmForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: LEGACY4, ConfirmationCode: code, Password: 'Fresh-Passw0rd' }),
  );
  const signedIn = await fresh.sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: PUBLIC_CLIENT,
      AuthParameters: { USERNAME: LEGACY4, PASSWORD: 'Fresh-Passw0rd' },
    }),
  );
  t.ok(signedIn.AuthenticationResult?.AccessToken);
});

t.test('hosted sign-in: triggers run; a refusal goes back to the app as error_description', async (t) => {
  const blocking = await startTriggerServer(t, {
    fixture: triggerFixture({ PreAuthentication: ARN('deny'), UserMigration: ARN('migrate') }),
    triggers: {
      deny: async () => {
        throw new Error('Not from this network');
      },
      migrate,
    },
  });
  const page = await openLoginPage(blocking.app, { state: 's1' });
  const res = await submitLogin(blocking.app, page, 'alice', PASSWORD);
  t.equal(res.statusCode, 302);
  const url = new URL(String(res.headers.location));
  t.equal(url.origin + url.pathname, 'http://localhost:3000/callback');
  t.equal(url.searchParams.get('error_description'), 'PreAuthentication failed with error Not from this network. ');
  t.equal(url.searchParams.get('error'), 'invalid_request');
  t.equal(url.searchParams.get('state'), 's1');
  t.notOk(String(res.headers['set-cookie'] ?? '').includes('cognito='), 'no browser session');
});

t.test('PreAuthentication with userNotFound when the client hides user existence', async (t) => {
  const hidden = await startTriggerServer(t, {
    fixture: triggerFixture({ PreAuthentication: ARN('pre-auth') }),
    triggers: { 'pre-auth': preAuth },
  });
  await rejectsWith(
    t,
    hidden.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: HIDDEN_CLIENT,
        AuthParameters: { USERNAME: 'ghost', PASSWORD },
      }),
    ),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  t.match(calls.last('PreAuthentication_Authentication'), { userName: 'ghost', request: { userAttributes: {}, userNotFound: true } });
});
