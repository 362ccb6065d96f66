// The three ways to run a trigger function, each with the same pre sign-up handler
// (handlers/pre-sign-up.ts): in-process (startEmulator's `triggers`), a local module in a worker
// thread (the fixture's LambdaFunctions; here a TypeScript file, loaded through tsx), and the AWS
// Lambda Invoke API (the SDK's Lambda client against lambda-server.ts). Every error path, and the
// emulator serving other requests while a handler hangs, spins or crashes.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdminConfirmSignUpCommand, SignUpCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import t, { type Test } from 'tap';
import { PASSWORD, PUBLIC_CLIENT, POOL_ID } from '../helpers/fixtures/index.js';
import { rejectsWith } from '../helpers/sdk.js';
import { handler as preSignUp } from './handlers/pre-sign-up.js';
import { ARN, startTriggerServer, triggerFixture, type TriggerServer } from '../helpers/triggers.js';

import { startLambdaServer } from '../helpers/lambda-server.js';

const HANDLERS = fileURLToPath(new URL('./handlers/', import.meta.url));

const signUp = (server: TriggerServer, username: string, givenName: string) =>
  server.sdk.send(
    new SignUpCommand({
      ClientId: PUBLIC_CLIENT,
      Username: username,
      Password: PASSWORD,
      UserAttributes: [
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'given_name', Value: givenName },
      ],
    }),
  );

/** While a handler is stuck, the emulator still answers a sign-in at once. */
async function stillServing(t: Test, server: TriggerServer) {
  const started = Date.now();
  const out = await server.sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: PUBLIC_CLIENT,
      AuthParameters: { USERNAME: 'alice', PASSWORD },
    }),
  );
  t.ok(out.AuthenticationResult?.AccessToken, 'a sign-in succeeds meanwhile');
  t.ok(Date.now() - started < 2500, `and quickly (${Date.now() - started} ms)`);
}

async function commonPaths(t: Test, server: TriggerServer) {
  const auto = await signUp(server, 'auto1', 'auto');
  t.equal(auto.UserConfirmed, true, 'autoConfirmUser honoured: UserConfirmed');
  await rejectsWith(
    t,
    signUp(server, 'rejected1', 'reject'),
    'UserLambdaValidationException',
    'PreSignUp failed with error Sign-up refused for rejected1@example.com.',
  );
  await rejectsWith(t, signUp(server, 'malformed1', 'malformed'), 'InvalidLambdaResponseException', 'Unrecognizable lambda output');
  const plain = await signUp(server, 'plain1', 'plain');
  t.equal(plain.UserConfirmed, false, 'untouched response: not confirmed');
  // The refused users were not created.
  await rejectsWith(
    t,
    server.sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'rejected1' })),
    'UserNotFoundException',
    'User does not exist.',
  );
}

async function timesOut(t: Test, server: TriggerServer, givenName: string) {
  const started = Date.now();
  const pending = rejectsWith(
    t,
    signUp(server, `${givenName}1`, givenName),
    'UnexpectedLambdaException',
    'PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.',
  );
  await stillServing(t, server);
  await pending;
  const took = Date.now() - started;
  t.ok(took >= 4900 && took < 8000, `Cognito's 5 s timeout (${took} ms)`);
}

t.test('in-process function', async (t) => {
  const server = await startTriggerServer(t, {
    fixture: triggerFixture({ PreSignUp: ARN('pre-sign-up') }),
    triggers: { 'pre-sign-up': preSignUp },
  });
  await commonPaths(t, server);
  await timesOut(t, server, 'hang');
});

t.test('in-process function by full ARN; callback style', async (t) => {
  const server = await startTriggerServer(t, {
    fixture: triggerFixture({ PreSignUp: ARN('by-arn') }),
    triggers: {
      [ARN('by-arn')]: (event: { response: Record<string, boolean> }, _context: unknown, callback?: (e: unknown, r: unknown) => void) => {
        event.response.autoConfirmUser = true;
        callback?.(null, event);
      },
    },
  });
  t.equal((await signUp(server, 'cb1', 'x')).UserConfirmed, true);
});

t.test('local module in a worker thread (TypeScript handler)', async (t) => {
  const server = await startTriggerServer(t, {
    fixture: triggerFixture({ PreSignUp: ARN('pre-sign-up') }, { LambdaFunctions: { 'pre-sign-up': join(HANDLERS, 'pre-sign-up.ts') } }),
  });
  await commonPaths(t, server);
  await timesOut(t, server, 'hang');
  // A handler that blocks its thread: only the worker is stuck; it is terminated at the timeout.
  await timesOut(t, server, 'spin');
  // A handler that kills its runtime: Lambda's "Runtime exited" error; the next call gets a new worker.
  const crash = signUp(server, 'crash1', 'crash');
  await rejectsWith(
    t,
    crash,
    'UserLambdaValidationException',
    await crash
      .catch((e: Error) => e.message)
      .then((m) =>
        /^PreSignUp failed with error RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 129\.$/.test(String(m))
          ? String(m)
          : `unexpected: ${String(m)}`,
      ),
  );
  t.equal((await signUp(server, 'auto2', 'auto')).UserConfirmed, true, 'a fresh worker after the crash');
});

t.test('local module: plain JavaScript, callback style, the context it gets', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'trigger-'));
  const trace = join(dir, 'trace.json');
  const server = await startTriggerServer(t, {
    fixture: triggerFixture(
      { PostConfirmation: ARN('post-confirmation') },
      { LambdaFunctions: { [ARN('post-confirmation')]: join(HANDLERS, 'post-confirmation.mjs') } },
    ),
  });
  await server.sdk.send(new SignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'traced', Password: PASSWORD }));
  await server.sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'traced', ClientMetadata: { trace } }));
  const seen = JSON.parse(readFileSync(trace, 'utf8')) as { event: Record<string, unknown>; functionName: string; remaining: number };
  t.equal(seen.functionName, 'post-confirmation');
  t.ok(seen.remaining > 0 && seen.remaining <= 5000, 'getRemainingTimeInMillis within the 5 s');
  t.equal(seen.event.triggerSource, 'PostConfirmation_ConfirmSignUp');
});

t.test('a module that does not export handler', async (t) => {
  const server = await startTriggerServer(t, {
    fixture: triggerFixture(
      { PreSignUp: ARN('nohandler') },
      { LambdaFunctions: { nohandler: join(HANDLERS, '..', '..', 'helpers', 'triggers.ts') } },
    ),
  });
  const err = await signUp(server, 'x1', 'x').catch((e: Error) => e);
  t.equal((err as Error).name, 'UserLambdaValidationException');
  t.match((err as Error).message, /^PreSignUp failed with error .*triggers\.ts does not export a function named handler\.$/);
});

t.test('AWS Lambda Invoke API (LAMBDA_ENDPOINT) through the SDK Lambda client', async (t) => {
  const lambda = await startLambdaServer(t, { 'pre-sign-up': preSignUp });
  const server = await startTriggerServer(t, {
    fixture: triggerFixture({ PreSignUp: ARN('pre-sign-up') }),
    lambdaEndpoint: lambda.endpoint,
  });
  await commonPaths(t, server);
  t.equal(lambda.invoked[0], 'pre-sign-up', 'invoked by the ARN from LambdaConfig');
  t.equal(lambda.lastHeaders?.['x-amz-invocation-type'], 'RequestResponse');
  t.match(
    String(lambda.lastHeaders?.authorization),
    /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/us-east-1\/lambda\/aws4_request/,
    'SigV4-signed for lambda in the ARN region',
  );
  await timesOut(t, server, 'hang');
});

t.test('a function nobody serves', async (t) => {
  const lambda = await startLambdaServer(t, {});
  const server = await startTriggerServer(t, { fixture: triggerFixture({ PreSignUp: ARN('missing') }), lambdaEndpoint: lambda.endpoint });
  const err = (await signUp(server, 'x2', 'x').catch((e: Error) => e)) as Error;
  t.equal(err.name, 'UnexpectedLambdaException');
  t.match(err.message, /^PreSignUp invocation failed due to error ResourceNotFoundException/);
  const unmapped = await startTriggerServer(t, { fixture: triggerFixture({ PreSignUp: ARN('unmapped') }) });
  const err2 = (await signUp(unmapped, 'x3', 'x').catch((e: Error) => e)) as Error;
  t.equal(err2.name, 'UnexpectedLambdaException');
  t.match(err2.message, /no handler for arn:aws:lambda:us-east-1:123456789012:function:unmapped \(map it in the fixture's LambdaFunctions/);
});
