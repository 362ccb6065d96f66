// MFA steps across replicas sharing one PostgreSQL database: one challenge session answered on
// every replica at the same instant goes on exactly once (SMS_MFA, SELECT_MFA_TYPE, and
// AssociateSoftwareToken inside MFA_SETUP), and a session from one replica is answered at another.
import {
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { freshDatabase, startReplica, testDatabase, type Replica } from '../helpers/replicas.js';
import { sdkClient } from '../helpers/sdk.js';
import { MFA_CLIENT, MFA_POOL, PASSWORD, REQUIRED_CLIENT, mfaFixture } from '../helpers/fixtures/index.js';

const server = testDatabase(t);

t.test(
  'MFA challenges across replicas',
  { skip: server === undefined ? 'no PostgreSQL (see test/helpers/replicas.ts)' : false },
  async (t) => {
    const databaseUrl = await freshDatabase(t, server as string);
    const replicas: Replica[] = [];
    for (let i = 0; i < 3; i++) replicas.push(await startReplica(t, databaseUrl, mfaFixture()));
    const at = (i: number) => replicas[i % 3] as Replica;
    const initiate = (r: Replica, clientId: string, username: string) =>
      sdkClient(r.url).send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: username, PASSWORD },
        }),
      );
    const respond = (
      r: Replica,
      ChallengeName: 'SMS_MFA' | 'SELECT_MFA_TYPE',
      Session: string | undefined,
      responses: Record<string, string>,
    ) =>
      sdkClient(r.url).send(
        new RespondToAuthChallengeCommand({ ClientId: MFA_CLIENT, ChallengeName, Session, ChallengeResponses: responses }),
      );
    const smsCode = (r: Replica, username: string) =>
      r.deps.messages
        .find({ userPoolId: MFA_POOL })
        .filter((m) => m.username === username)
        .at(-1)?.code ?? '';

    /** Every replica answers at once: exactly one goes on, the others are told the session is used. */
    async function race(t: Test, answers: Array<Promise<unknown>>, what: string): Promise<void> {
      const results = await Promise.allSettled(answers);
      t.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `${what}: exactly one answer goes on`);
      for (const r of results) if (r.status === 'rejected') t.equal((r.reason as Error).name, 'NotAuthorizedException');
    }
    type Test = typeof t;

    t.test('SMS_MFA issued on one replica, answered on the next', async (t) => {
      const challenge = await initiate(at(0), MFA_CLIENT, 'sms');
      t.equal(challenge.ChallengeName, 'SMS_MFA');
      const done = await respond(at(1), 'SMS_MFA', challenge.Session, { USERNAME: 'sms', SMS_MFA_CODE: smsCode(at(0), 'sms') });
      t.ok(done.AuthenticationResult?.AccessToken);
    });

    t.test('one SMS_MFA session answered on every replica at once', async (t) => {
      for (let round = 0; round < 3; round++) {
        const challenge: InitiateAuthCommandOutput = await initiate(at(round), MFA_CLIENT, 'sms');
        const code = smsCode(at(round), 'sms');
        await race(
          t,
          replicas.map((r) => respond(r, 'SMS_MFA', challenge.Session, { USERNAME: 'sms', SMS_MFA_CODE: code })),
          `round ${round}`,
        );
      }
    });

    t.test('one SELECT_MFA_TYPE session answered on every replica at once', async (t) => {
      const challenge = await initiate(at(0), MFA_CLIENT, 'multi');
      t.equal(challenge.ChallengeName, 'SELECT_MFA_TYPE');
      await race(
        t,
        replicas.map((r) => respond(r, 'SELECT_MFA_TYPE', challenge.Session, { USERNAME: 'multi', ANSWER: 'SMS_MFA' })),
        'choice',
      );
    });

    t.test('AssociateSoftwareToken with one MFA_SETUP session on every replica at once', async (t) => {
      const challenge = await initiate(at(1), REQUIRED_CLIENT, 'newbie');
      t.equal(challenge.ChallengeName, 'MFA_SETUP');
      const results = await Promise.allSettled(
        replicas.map((r) => sdkClient(r.url).send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }))),
      );
      t.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'one secret is handed out');
    });
  },
);
