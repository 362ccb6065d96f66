// Sign-in challenges across replicas sharing one PostgreSQL database: a challenge issued by one
// replica is answered at another, once only (NEW_PASSWORD_REQUIRED through the JSON API and the
// hosted page, USER_SRP_AUTH's SECRET_BLOCK, CUSTOM_AUTH's steps and their state), driven round-robin.
import {
  AdminCreateUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import type {
  CreateAuthChallengeTriggerHandler,
  DefineAuthChallengeTriggerHandler,
  VerifyAuthChallengeResponseTriggerHandler,
} from 'aws-lambda';
import t from 'tap';
import { POOL_ID, PUBLIC_CLIENT, PASSWORD } from '../helpers/fixtures/index.js';
import { csrfField, openLoginPage, postForm, redeemCode, submitLogin, verifyToken } from '../helpers/flow.js';
import { responseCookies, inBoth } from '../helpers/html.js';

import { freshDatabase, startReplica, startReplicas, testDatabase, type Replica } from '../helpers/replicas.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { srpClient } from '../helpers/auth.js';
import { ARN, CUSTOM_CLIENT, triggerFixture } from '../helpers/triggers.js';

const server = testDatabase(t);
const TEMP = 'TempPassw0rd!1';
const NEW = 'N3w-Passw0rd!';
const INVALID_SESSION = 'Invalid session for the user, session is expired.';

const initiate = (r: Replica, username: string, password: string) =>
  sdkClient(r.url).send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: PUBLIC_CLIENT,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
const answerNewPassword = (r: Replica, username: string, session: string | undefined) =>
  sdkClient(r.url).send(
    new RespondToAuthChallengeCommand({
      ClientId: PUBLIC_CLIENT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: NEW },
    }),
  );
const createTemporary = (r: Replica, username: string) =>
  sdkClient(r.url).send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: username,
      TemporaryPassword: TEMP,
      MessageAction: 'SUPPRESS',
    }),
  );

t.test(
  'sign-in challenges across replicas',
  { skip: server === undefined ? 'no PostgreSQL (see test/helpers/replicas.ts)' : false },
  async (t) => {
    const { replicas } = await startReplicas(t, server as string, 3);
    const at = (i: number) => replicas[i % 3] as Replica;

    t.test('NEW_PASSWORD_REQUIRED round-robin: created on one, challenged on the next, answered on a third', async (t) => {
      for (let i = 0; i < 3; i++) {
        const username = `temp${i}`;
        await createTemporary(at(i), username);
        const challenge = await initiate(at(i + 1), username, TEMP);
        t.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED', `challenged on replica ${(i + 1) % 3}`);
        const done = await answerNewPassword(at(i + 2), username, challenge.Session);
        const result = done.AuthenticationResult as AuthenticationResultType;
        t.ok(result.AccessToken, `answered on replica ${(i + 2) % 3}`);
        const { payload } = await verifyToken(at(i).app, result.AccessToken as string);
        t.equal(payload.username, username, 'its token verifies on the replica that created the user');
        await rejectsWith(t, answerNewPassword(at(i), username, challenge.Session), 'NotAuthorizedException', INVALID_SESSION);
        t.ok((await initiate(at(i + 1), username, NEW)).AuthenticationResult, 'the new password signs in on the next replica');
      }
    });

    t.test('one NEW_PASSWORD_REQUIRED session answered on every replica at once: exactly one goes on', async (t) => {
      for (let round = 0; round < 3; round++) {
        const username = `race${round}`;
        await createTemporary(at(round), username);
        const { Session } = await initiate(at(round + 1), username, TEMP);
        const results = await Promise.allSettled(replicas.map((r) => answerNewPassword(r, username, Session)));
        t.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}: one answer gets tokens`);
        for (const r of results) if (r.status === 'rejected') t.equal((r.reason as Error).name, 'NotAuthorizedException');
      }
    });

    t.test('hosted page: the new-password form from one replica is posted to another', async (t) => {
      const page = await openLoginPage(at(0).app, { state: 'xyz' });
      const form = await submitLogin(at(0).app, page, 'bob', 'TempPassw0rd!');
      const challenge = inBoth(form.body, 'input', { name: 'challenge' }).value ?? '';
      t.not(challenge, '', 'replica 0 asks bob for a new password');
      const res = await postForm(
        at(1).app,
        `/forceChangePassword?${page.query}`,
        {
          _csrf: csrfField(form.body) ?? '',
          challenge,
          password: NEW,
          confirmPassword: NEW,
        },
        { cookies: { 'XSRF-TOKEN': responseCookies(form)['XSRF-TOKEN'] ?? '' } },
      );
      t.equal(res.statusCode, 302, 'replica 1 takes the answer');
      const code = new URL(String(res.headers.location)).searchParams.get('code') ?? '';
      t.equal((await redeemCode(at(2).app, { code })).statusCode, 200, 'and its code is redeemed on replica 2');
    });

    t.test('USER_SRP_AUTH: SECRET_BLOCK from one replica answered on the next, refused again on a third', async (t) => {
      for (let i = 0; i < 3; i++) {
        const client = await srpClient(POOL_ID, { fast: true });
        const out = await sdkClient(at(i).url).send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_SRP_AUTH',
            ClientId: PUBLIC_CLIENT,
            AuthParameters: { USERNAME: 'alice', SRP_A: client.SRP_A },
          }),
        );
        const responses = await client.respond(out.ChallengeParameters, PASSWORD);
        const respond = (r: Replica) =>
          sdkClient(r.url).send(
            new RespondToAuthChallengeCommand({
              ClientId: PUBLIC_CLIENT,
              ChallengeName: 'PASSWORD_VERIFIER',
              ChallengeResponses: responses,
            }),
          );
        t.ok((await respond(at(i + 1))).AuthenticationResult?.AccessToken, `block sealed on replica ${i} opened on replica ${(i + 1) % 3}`);
        await rejectsWith(t, respond(at(i + 2)), 'NotAuthorizedException', INVALID_SESSION);
      }
    });
  },
);

// AWS's sample custom authentication: SRP first, then a secret code, three attempts.
const define: DefineAuthChallengeTriggerHandler = async (event) => {
  const session = event.request.session;
  const last = session.at(-1);
  if (session.length === 1 && last?.challengeName === 'SRP_A') event.response.challengeName = 'PASSWORD_VERIFIER';
  else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) event.response.issueTokens = true;
  else if (session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE').length >= 3) event.response.failAuthentication = true;
  else event.response.challengeName = 'CUSTOM_CHALLENGE';
  return event;
};
const create: CreateAuthChallengeTriggerHandler = async (event) => {
  const round = event.request.session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE').length + 1;
  event.response.publicChallengeParameters = { hint: `round ${round}` };
  event.response.privateChallengeParameters = { answer: '424242' };
  return event;
};
const verify: VerifyAuthChallengeResponseTriggerHandler = async (event) => {
  event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
  return event;
};

t.test(
  'CUSTOM_AUTH with SRP first, each step on the next replica',
  { skip: server === undefined ? 'no PostgreSQL (see test/helpers/replicas.ts)' : false },
  async (t) => {
    const databaseUrl = await freshDatabase(t, server as string);
    const fixture = triggerFixture({
      DefineAuthChallenge: ARN('define'),
      CreateAuthChallenge: ARN('create'),
      VerifyAuthChallengeResponse: ARN('verify'),
    });
    const replicas: Replica[] = [];
    for (let i = 0; i < 3; i++) replicas.push(await startReplica(t, databaseUrl, fixture, { define, create, verify }));
    const sdk = (i: number) => sdkClient((replicas[i % 3] as Replica).url);
    const answer = (i: number, Session: string | undefined, ANSWER: string) =>
      sdk(i).send(
        new RespondToAuthChallengeCommand({
          ClientId: CUSTOM_CLIENT,
          ChallengeName: 'CUSTOM_CHALLENGE',
          Session,
          ChallengeResponses: { USERNAME: 'alice', ANSWER },
        }),
      );

    const client = await srpClient(POOL_ID, { fast: true });
    const first = await sdk(0).send(
      new InitiateAuthCommand({
        AuthFlow: 'CUSTOM_AUTH',
        ClientId: CUSTOM_CLIENT,
        AuthParameters: { USERNAME: 'alice', SRP_A: client.SRP_A, CHALLENGE_NAME: 'SRP_A' },
      }),
    );
    t.equal(first.ChallengeName, 'PASSWORD_VERIFIER', 'replica 0 asks for the SRP proof');
    const proved = await sdk(1).send(
      new RespondToAuthChallengeCommand({
        ClientId: CUSTOM_CLIENT,
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: first.Session,
        ChallengeResponses: await client.respond(first.ChallengeParameters, PASSWORD),
      }),
    );
    t.equal(proved.ChallengeName, 'CUSTOM_CHALLENGE', 'replica 1 checks it and issues the custom challenge');
    const wrong = await answer(2, proved.Session, '000000');
    t.equal(wrong.ChallengeParameters?.hint, 'round 2', 'replica 2 continues the same flow after a wrong answer');
    await rejectsWith(t, answer(0, proved.Session, '424242'), 'NotAuthorizedException', 'Invalid session for the user.');
    const done = await answer(1, wrong.Session, '424242');
    t.ok(done.AuthenticationResult?.AccessToken, 'the right answer on replica 1 gets tokens');
  },
);
