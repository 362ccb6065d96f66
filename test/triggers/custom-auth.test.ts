// CUSTOM_AUTH end to end through the AWS SDK: the define / create / verify triggers as AWS's
// samples write them (a secret code, three attempts), with and without SRP first, sessions,
// errors and the client's ALLOW_CUSTOM_AUTH.
import { AdminInitiateAuthCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import type {
  CreateAuthChallengeTriggerHandler,
  DefineAuthChallengeTriggerHandler,
  VerifyAuthChallengeResponseTriggerHandler,
} from 'aws-lambda';
import t from 'tap';
import { PASSWORD, PUBLIC_CLIENT, POOL_ID } from '../helpers/fixtures/index.js';
import { rejectsWith } from '../helpers/sdk.js';
import { srpClient } from '../helpers/auth.js';
import { ARN, Calls, claims, CUSTOM_CLIENT, HIDDEN_CLIENT, startTriggerServer, triggerFixture } from '../helpers/triggers.js';

const calls = new Calls();
const SECRET_CODE = '424242';

const define: DefineAuthChallengeTriggerHandler = async (event) => {
  calls.record(event);
  const session = event.request.session;
  const last = session.at(-1);
  if (session.length === 1 && last?.challengeName === 'SRP_A') {
    event.response.challengeName = 'PASSWORD_VERIFIER';
  } else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) {
    event.response.issueTokens = true;
  } else if (session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE').length >= 3) {
    event.response.failAuthentication = true;
  } else {
    event.response.challengeName = 'CUSTOM_CHALLENGE';
  }
  return event;
};
const create: CreateAuthChallengeTriggerHandler = async (event) => {
  calls.record(event);
  const round = event.request.session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE').length + 1;
  event.response.publicChallengeParameters = { hint: `round ${round}`, email: event.request.userAttributes.email ?? '' };
  event.response.privateChallengeParameters = { answer: SECRET_CODE };
  event.response.challengeMetadata = `CODE-${round}`;
  return event;
};
const verify: VerifyAuthChallengeResponseTriggerHandler = async (event) => {
  calls.record(event);
  event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
  return event;
};

const LAMBDAS = { DefineAuthChallenge: ARN('define'), CreateAuthChallenge: ARN('create'), VerifyAuthChallengeResponse: ARN('verify') };
const server = await startTriggerServer(t, { fixture: triggerFixture(LAMBDAS), triggers: { define, create, verify } });
const { sdk } = server;

const start = (USERNAME: string, ClientId = CUSTOM_CLIENT) =>
  sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'CUSTOM_AUTH',
      ClientId,
      AuthParameters: { USERNAME },
      ClientMetadata: { ignored: 'by define' },
    }),
  );
const answer = (Session: string | undefined, ANSWER: string, USERNAME = 'alice') =>
  sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: CUSTOM_CLIENT,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session,
      ChallengeResponses: { USERNAME, ANSWER },
      ClientMetadata: { step: 'answer' },
    }),
  );

t.test('without SRP: challenge, wrong answer, right answer, tokens', async (t) => {
  const first = await start('alice');
  t.equal(first.ChallengeName, 'CUSTOM_CHALLENGE');
  t.same(first.ChallengeParameters, { hint: 'round 1', email: 'alice@example.com', USERNAME: 'alice' }, 'public parameters plus USERNAME');
  t.ok((first.Session ?? '').length >= 20);
  const d0 = calls.last('DefineAuthChallenge_Authentication');
  t.match(d0, {
    version: '1',
    userName: 'alice',
    callerContext: { clientId: CUSTOM_CLIENT },
    request: { userAttributes: { email: 'alice@example.com' }, session: [] },
    response: { challengeName: null, issueTokens: false, failAuthentication: false },
  });
  t.notOk('clientMetadata' in (d0?.request ?? {}), "InitiateAuth's ClientMetadata is not passed");
  t.notOk('userNotFound' in (d0?.request ?? {}));
  t.match(calls.last('CreateAuthChallenge_Authentication'), { request: { challengeName: 'CUSTOM_CHALLENGE', session: [] } });

  const second = await answer(first.Session, '000000');
  t.equal(second.ChallengeName, 'CUSTOM_CHALLENGE');
  t.not(second.Session, first.Session, 'a new session');
  t.equal(second.ChallengeParameters?.hint, 'round 2');
  t.match(calls.last('VerifyAuthChallengeResponse_Authentication'), {
    request: { privateChallengeParameters: { answer: SECRET_CODE }, challengeAnswer: '000000', clientMetadata: { step: 'answer' } },
    response: { answerCorrect: false },
  });
  t.same(calls.last('DefineAuthChallenge_Authentication')?.request.session, [
    { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'CODE-1' },
  ]);
  await rejectsWith(t, answer(first.Session, SECRET_CODE), 'NotAuthorizedException', 'Invalid session for the user.');

  const done = await answer(second.Session, SECRET_CODE);
  t.equal(done.ChallengeName, undefined);
  t.equal(claims(done.AuthenticationResult?.IdToken)['cognito:username'], 'alice');
  t.ok(done.AuthenticationResult?.RefreshToken);
  await rejectsWith(t, answer(second.Session, SECRET_CODE), 'NotAuthorizedException', 'Invalid session for the user.');
});

t.test('three wrong answers: define fails the authentication', async (t) => {
  let out = await start('alice');
  out = await answer(out.Session, '1');
  out = await answer(out.Session, '2');
  await rejectsWith(t, answer(out.Session, '3'), 'NotAuthorizedException', 'Incorrect username or password.');
});

t.test('with SRP first (CHALLENGE_NAME SRP_A), then the custom challenge', async (t) => {
  const client = await srpClient(POOL_ID, { fast: true });
  const first = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: CUSTOM_CLIENT,
      AuthParameters: { USERNAME: 'alice', SRP_A: client.SRP_A, CHALLENGE_NAME: 'SRP_A' },
    }),
  );
  t.equal(first.ChallengeName, 'PASSWORD_VERIFIER');
  t.ok(first.Session, 'with a Session carrying the custom flow');
  t.same(calls.last('DefineAuthChallenge_Authentication')?.request.session, [{ challengeName: 'SRP_A', challengeResult: true }]);
  const proved = await sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: CUSTOM_CLIENT,
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: first.Session,
      ChallengeResponses: await client.respond(first.ChallengeParameters, PASSWORD),
    }),
  );
  t.equal(proved.ChallengeName, 'CUSTOM_CHALLENGE');
  t.same(calls.last('DefineAuthChallenge_Authentication')?.request.session, [
    { challengeName: 'SRP_A', challengeResult: true },
    { challengeName: 'PASSWORD_VERIFIER', challengeResult: true },
  ]);
  const done = await answer(proved.Session, SECRET_CODE);
  t.ok(done.AuthenticationResult?.AccessToken);

  const again = await srpClient(POOL_ID, { fast: true });
  const s2 = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: CUSTOM_CLIENT,
      AuthParameters: { USERNAME: 'alice', SRP_A: again.SRP_A, CHALLENGE_NAME: 'SRP_A' },
    }),
  );
  await rejectsWith(
    t,
    sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: CUSTOM_CLIENT,
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: s2.Session,
        ChallengeResponses: await again.respond(s2.ChallengeParameters, 'wrong-password'),
      }),
    ),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
});

t.test('admin API, unknown users, disabled clients and pools without the triggers', async (t) => {
  const admin = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: POOL_ID,
      ClientId: CUSTOM_CLIENT,
      AuthFlow: 'CUSTOM_AUTH',
      AuthParameters: { USERNAME: 'alice' },
    }),
  );
  t.equal(admin.ChallengeName, 'CUSTOM_CHALLENGE');
  await rejectsWith(t, start('nobody'), 'UserNotFoundException', 'User does not exist.');
  await rejectsWith(t, start('carol'), 'NotAuthorizedException', 'User is disabled.');
  await rejectsWith(t, start('alice', PUBLIC_CLIENT), 'InvalidParameterException', 'Auth flow not enabled for this client');
  const bare = await startTriggerServer(t, { fixture: triggerFixture({ DefineAuthChallenge: ARN('define') }), triggers: { define } });
  await rejectsWith(
    t,
    bare.sdk.send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: CUSTOM_CLIENT, AuthParameters: { USERNAME: 'alice' } })),
    'InvalidParameterException',
    'Custom auth lambda trigger is not configured for the user pool.',
  );
});

t.test('trigger errors', async (t) => {
  const failing = await startTriggerServer(t, {
    fixture: triggerFixture(LAMBDAS),
    triggers: {
      define,
      create: async () => {
        throw new Error("'challengeMetaData'");
      },
      verify,
    },
  });
  await rejectsWith(
    t,
    failing.sdk.send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: CUSTOM_CLIENT, AuthParameters: { USERNAME: 'alice' } })),
    'UserLambdaValidationException',
    "CreateAuthChallenge failed with error 'challengeMetaData'.",
  );
});

t.test('an unknown user with existence errors hidden: the triggers run with userNotFound, no tokens', async (t) => {
  const out = await sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: HIDDEN_CLIENT, AuthParameters: { USERNAME: 'ghost' } }),
  );
  t.equal(out.ChallengeName, 'CUSTOM_CHALLENGE');
  t.equal(out.ChallengeParameters?.USERNAME, 'ghost');
  t.match(calls.last('DefineAuthChallenge_Authentication'), { userName: 'ghost', request: { userNotFound: true, userAttributes: {} } });
  await rejectsWith(
    t,
    sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: HIDDEN_CLIENT,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: out.Session,
        ChallengeResponses: { USERNAME: 'ghost', ANSWER: SECRET_CODE },
      }),
    ),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  t.match(calls.last('VerifyAuthChallengeResponse_Authentication'), { request: { userNotFound: true } });
});
