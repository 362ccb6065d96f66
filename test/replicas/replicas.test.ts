// Replicas sharing one state through PostgreSQL (DATABASE_URL), driven round-robin: the code flow
// (signed in on one, code redeemed on the next, tokens verified and refreshed on a third), the JSON
// API through the AWS SDK, the control API, a replica stopped and started again mid-run, and a
// replica started late. Every request goes to a different replica than the one before it.
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  GlobalSignOutCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t, { type Test } from 'tap';
import { loadConfig, type Config } from '../../src/config.js';
import { createEmulator } from '../../src/emulator.js';
import { StartupError } from '../../src/errors/startup-error.js';
import { compaction } from '../../src/store/replica.js';
import pg from 'pg';
import { POOL_ID, PUBLIC_CLIENT, PASSWORD } from '../helpers/fixtures/index.js';
import { redeemCode, signIn, verifyToken, authorizeQuery, type Tokens } from '../helpers/flow.js';
import { cookieHeader } from '../helpers/html.js';
import { refresh } from '../helpers/oauth-flow.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { startReplica, startReplicas, testDatabase, type Replica } from '../helpers/replicas.js';

const server = testDatabase(t);

const auth = (url: string, username: string, password: string) =>
  sdkClient(url).send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: PUBLIC_CLIENT,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );

/** The code flow, round-robin: sign-in on i, code redeemed on i+1, tokens checked and refreshed on i+2. */
async function codeFlowRoundRobin(t: Test, replicas: Replica[]): Promise<void> {
  const n = replicas.length;
  const at = (i: number) => (replicas[i % n] as Replica).app;
  for (let i = 0; i < n; i++) {
    const { code, cookies } = await signIn(at(i));
    const redeemed = await redeemCode(at(i + 1), { code });
    t.equal(redeemed.statusCode, 200, `code issued on replica ${i} redeemed on replica ${(i + 1) % n}`);
    const again = await redeemCode(at(i + 2), { code });
    t.equal(again.statusCode, 400, 'the same code refused on the next replica');
    t.equal(again.json().error, 'invalid_grant');
    const tokens = redeemed.json() as Tokens;
    const { payload } = await verifyToken(at(i + 2), tokens.access_token);
    t.equal(payload.username, 'alice', `its access token verifies against replica ${(i + 2) % n}'s JWKS`);
    const refreshed = await refresh(at(i + 2), tokens.refresh_token as string, PUBLIC_CLIENT);
    t.equal(refreshed.statusCode, 200, 'refreshed on a third replica');
    // The hosted-UI session made on replica i signs in silently on replica i+1.
    const silent = await at(i + 1).inject({
      url: `/oauth2/authorize?${authorizeQuery()}`,
      headers: { cookie: cookieHeader({ cognito: cookies.cognito as string }) },
    });
    t.equal(silent.statusCode, 302, 'session cookie from one replica honoured by another');
    t.match(String(silent.headers.location), /^http:\/\/localhost:3000\/callback\?code=/);
  }
}

t.test('replicas', { skip: server === undefined ? 'no PostgreSQL (see the comment above)' : false }, async (t) => {
  const url = server as string;

  for (const n of [2, 3]) {
    t.test(`${n} replicas: code flow round-robin`, async (t) => {
      const { replicas } = await startReplicas(t, url, n);
      await codeFlowRoundRobin(t, replicas);
    });
  }

  t.test('3 replicas: JSON API round-robin (create, sign in, revoke, sign out)', async (t) => {
    const { replicas } = await startReplicas(t, url, 3);
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    await sdkClient(a.url).send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'zoe', MessageAction: 'SUPPRESS' }));
    await sdkClient(b.url).send(
      new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'zoe', Password: PASSWORD, Permanent: true }),
    );
    const signedIn = await auth(c.url, 'zoe', PASSWORD);
    t.ok(signedIn.AuthenticationResult?.AccessToken, 'user created on A, password set on B, signs in on C');
    const user = await sdkClient(a.url).send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'zoe' }));
    t.equal(user.UserStatus, 'CONFIRMED', 'read back on A');

    // A password changed on one replica is the password on every replica (fixture user alice).
    await sdkClient(a.url).send(
      new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'alice', Password: 'An0ther-Passw0rd!', Permanent: true }),
    );
    await rejectsWith(t, auth(b.url, 'alice', PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
    t.ok((await auth(c.url, 'alice', 'An0ther-Passw0rd!')).AuthenticationResult, 'new password works on C');

    const tokens = (await auth(a.url, 'zoe', PASSWORD)).AuthenticationResult as { RefreshToken: string; AccessToken: string };
    await sdkClient(b.url).send(new RevokeTokenCommand({ ClientId: PUBLIC_CLIENT, Token: tokens.RefreshToken }));
    for (const r of [c, a]) {
      await rejectsWith(
        t,
        sdkClient(r.url).send(
          new InitiateAuthCommand({
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: PUBLIC_CLIENT,
            AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
          }),
        ),
        'NotAuthorizedException',
        'Refresh Token has been revoked',
      );
    }
    const fresh = (await auth(c.url, 'zoe', PASSWORD)).AuthenticationResult as { AccessToken: string };
    await sdkClient(a.url).send(new GlobalSignOutCommand({ AccessToken: fresh.AccessToken }));
    await rejectsWith(
      t,
      sdkClient(b.url).send(new GetUserCommand({ AccessToken: fresh.AccessToken })),
      'NotAuthorizedException',
      'Access Token has been revoked',
    );
  });

  t.test('3 replicas: one authorization code redeemed on all of them at once: exactly one gets tokens', async (t) => {
    const { replicas } = await startReplicas(t, url, 3);
    for (let round = 0; round < 5; round++) {
      const { code } = await signIn((replicas[round % 3] as Replica).app);
      const results = await Promise.all(replicas.map((r) => redeemCode(r.app, { code })));
      t.same(results.map((r) => r.statusCode).sort(), [200, 400, 400], `round ${round}: one 200, two invalid_grant`);
    }
  });

  t.test('3 replicas: control API shared (clock, faults, messages, reset)', async (t) => {
    const { replicas } = await startReplicas(t, url, 3);
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    const post = (r: Replica, path: string, body: unknown) =>
      fetch(`${r.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    t.equal((await post(a, '/_emulator/clock', { offsetSeconds: 7200 })).status, 200);
    for (const r of [b, c]) {
      const clock = (await (await fetch(`${r.url}/_emulator/clock`)).json()) as { offsetSeconds: number };
      t.equal(clock.offsetSeconds, 7200, 'clock moved on A is moved on the others');
    }
    t.equal((await post(b, '/_emulator/faults', { operation: 'ListUsers', error: 'TooManyRequestsException', count: 2 })).status, 200);
    const listUsers = (r: Replica) =>
      fetch(r.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers' },
        body: JSON.stringify({ UserPoolId: POOL_ID }),
      });
    t.equal((await listUsers(c)).status, 400, 'fault armed on B fires on C');
    t.equal((await listUsers(a)).status, 400, 'its second use fires on A');
    t.equal((await listUsers(b)).status, 200, 'then it is used up everywhere');

    await sdkClient(c.url).send(
      new AdminCreateUserCommand({
        UserPoolId: POOL_ID,
        Username: 'temp-user',
        TemporaryPassword: 'TempPassw0rd!1',
        UserAttributes: [{ Name: 'email', Value: 'temp@example.com' }],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    const sent = (await (await fetch(`${a.url}/_emulator/messages?username=temp-user`)).json()) as { Messages: unknown[] };
    t.equal(sent.Messages.length, 1, 'message recorded on C listed on A');
    await sdkClient(a.url).send(
      new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'alice', Password: 'Chang3d-Passw0rd!', Permanent: true }),
    );
    t.equal((await post(b, '/_emulator/reset', {})).status, 200);
    t.ok(
      (await auth(a.url, 'alice', PASSWORD)).AuthenticationResult,
      'reset on B gives alice her fixture password back on A, where it was changed',
    );
    await rejectsWith(
      t,
      sdkClient(a.url).send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'temp-user' })),
      'UserNotFoundException',
      'User does not exist.',
    );
    const clock = (await (await fetch(`${c.url}/_emulator/clock`)).json()) as { offsetSeconds: number };
    t.equal(clock.offsetSeconds, 0, 'reset on B put the clock back on C');
    const after = (await (await fetch(`${c.url}/_emulator/messages`)).json()) as { Messages: unknown[] };
    t.equal(after.Messages.length, 0, 'and emptied the messages');
    await codeFlowRoundRobin(t, replicas);
  });

  t.test('a replica stopped mid-run and started again, and one started late, catch up', async (t) => {
    const { databaseUrl, replicas } = await startReplicas(t, url, 2);
    const [a, b] = replicas as [Replica, Replica];
    const { code } = await signIn(a.app);
    const tokens = (await redeemCode(b.app, { code })).json() as Tokens;
    await b.stop();
    await sdkClient(a.url).send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'while-down', MessageAction: 'SUPPRESS' }));
    await sdkClient(a.url).send(
      new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'while-down', Password: PASSWORD, Permanent: true }),
    );
    const { code: pending } = await signIn(a.app);
    await sdkClient(a.url).send(new RevokeTokenCommand({ ClientId: PUBLIC_CLIENT, Token: tokens.refresh_token as string }));

    const b2 = await startReplica(t, databaseUrl);
    t.ok((await auth(b2.url, 'while-down', PASSWORD)).AuthenticationResult, 'restarted B knows the user created while it was down');
    t.equal((await redeemCode(b2.app, { code: pending })).statusCode, 200, 'and redeems a code issued on A while it was down');
    t.equal(
      (await refresh(b2.app, tokens.refresh_token as string, PUBLIC_CLIENT)).statusCode,
      400,
      'and refuses the token revoked meanwhile',
    );
    await verifyToken(b2.app, tokens.access_token);

    const late = await startReplica(t, databaseUrl);
    t.ok((await auth(late.url, 'while-down', PASSWORD)).AuthenticationResult, 'a replica started late has the whole state');
    await codeFlowRoundRobin(t, [a, b2, late]);
  });
});

t.test('a database that cannot be reached stops start-up with one line, without the password', async (t) => {
  const config: Config = { ...loadConfig([], {}), fixtures: undefined, databaseUrl: 'postgres://user:s3cret-pw@127.0.0.1:1/none' };
  const err = await createEmulator({ config, fixtures: [] }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  t.type(err, StartupError);
  t.match(err?.message, /^DATABASE_URL: cannot use the database at 127\.0\.0\.1:1 \(/);
  t.notMatch(err?.message, /s3cret/, 'the password is not in the message');
  t.notMatch(err?.message, /\n/, 'one line');
});

t.test(
  'compaction: the log folded into a snapshot; live, restarted and new replicas keep the whole state',
  {
    skip: server === undefined ? 'no PostgreSQL (see test/helpers/replicas.ts)' : false,
  },
  async (t) => {
    const before = compaction.afterRows;
    compaction.afterRows = 10;
    t.teardown(() => {
      compaction.afterRows = before;
    });
    const { databaseUrl, replicas } = await startReplicas(t, server as string, 2);
    const [a, b] = replicas as [Replica, Replica];
    const { code } = await signIn(a.app);
    await b.stop();
    for (let i = 0; i < 30; i++) {
      await sdkClient(a.url).send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: `c${i}`, MessageAction: 'SUPPRESS' }));
    }
    await fetch(`${a.url}/health`); // its catch-up starts the fold
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    t.teardown(() => db.end());
    let snapshot: number | undefined;
    for (let i = 0; i < 50 && snapshot === undefined; i++) {
      const { rows } = await db.query<{ seq: string }>('SELECT seq FROM cognito_emulator_snapshot');
      snapshot = rows[0] ? Number(rows[0].seq) : undefined;
      if (snapshot === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    t.ok(snapshot, 'a snapshot row was written');
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM cognito_emulator_changes WHERE seq <= $1', [snapshot ?? 0]);
    t.equal(Number(rows[0]?.n), 0, 'the rows it covers are gone');

    const b2 = await startReplica(t, databaseUrl);
    const late = await startReplica(t, databaseUrl);
    for (const r of [a, b2, late]) {
      const user = await sdkClient(r.url).send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'c29' }));
      t.equal(user.Username, 'c29', 'every replica has the users');
    }
    t.equal((await redeemCode(late.app, { code })).statusCode, 200, 'a code issued before the fold is redeemed after it, on a new replica');
    await codeFlowRoundRobin(t, [a, b2, late]);
  },
);
