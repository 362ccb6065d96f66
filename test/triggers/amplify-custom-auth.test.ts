// Amplify JS v6 in Node answering a custom challenge: signIn with authFlowType CUSTOM_WITHOUT_SRP
// and CUSTOM_WITH_SRP, then confirmSignIn with the answer, against define / create / verify
// triggers run in-process. Amplify talks to the emulator through userPoolEndpoint.
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import type {
  CreateAuthChallengeTriggerHandler,
  DefineAuthChallengeTriggerHandler,
  VerifyAuthChallengeResponseTriggerHandler,
} from 'aws-lambda';
import t from 'tap';
import { PASSWORD, POOL_ID } from '../helpers/fixtures/index.js';
import { ARN, Calls, CUSTOM_CLIENT, startTriggerServer, triggerFixture } from '../helpers/triggers.js';

const calls = new Calls();
const define: DefineAuthChallengeTriggerHandler = async (event) => {
  calls.record(event);
  const last = event.request.session.at(-1);
  if (last?.challengeName === 'SRP_A') event.response.challengeName = 'PASSWORD_VERIFIER';
  else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) event.response.issueTokens = true;
  else event.response.challengeName = 'CUSTOM_CHALLENGE';
  return event;
};
const create: CreateAuthChallengeTriggerHandler = async (event) => {
  event.response.publicChallengeParameters = { question: 'What is 6 x 7?' };
  event.response.privateChallengeParameters = { answer: '42' };
  return event;
};
const verify: VerifyAuthChallengeResponseTriggerHandler = async (event) => {
  event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
  return event;
};

const server = await startTriggerServer(t, {
  fixture: triggerFixture({
    DefineAuthChallenge: ARN('define'),
    CreateAuthChallenge: ARN('create'),
    VerifyAuthChallengeResponse: ARN('verify'),
  }),
  triggers: { define, create, verify },
});
Amplify.configure({ Auth: { Cognito: { userPoolId: POOL_ID, userPoolClientId: CUSTOM_CLIENT, userPoolEndpoint: server.url } } });

for (const authFlowType of ['CUSTOM_WITHOUT_SRP', 'CUSTOM_WITH_SRP'] as const) {
  t.test(authFlowType, async (t) => {
    const first = await signIn({
      username: 'alice',
      ...(authFlowType === 'CUSTOM_WITH_SRP' ? { password: PASSWORD } : {}),
      options: { authFlowType },
    });
    t.equal(first.isSignedIn, false);
    t.equal(first.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE');
    t.match((first.nextStep as { additionalInfo?: Record<string, string> }).additionalInfo, {
      question: 'What is 6 x 7?',
      USERNAME: 'alice',
    });
    const sessions = calls.events.at(-1)?.request.session as Array<{ challengeName: string }>;
    t.same(
      sessions.map((s) => s.challengeName),
      authFlowType === 'CUSTOM_WITH_SRP' ? ['SRP_A', 'PASSWORD_VERIFIER'] : [],
    );

    const wrong = await confirmSignIn({ challengeResponse: '41' });
    t.equal(wrong.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', 'a wrong answer: another challenge');
    const done = await confirmSignIn({ challengeResponse: '42' });
    t.equal(done.isSignedIn, true);
    t.equal(done.nextStep.signInStep, 'DONE');
    const session = await fetchAuthSession();
    t.equal(session.tokens?.idToken?.payload['cognito:username'], 'alice');
    await signOut();
  });
}
