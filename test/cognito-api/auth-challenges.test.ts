// NEW_PASSWORD_REQUIRED (RespondToAuthChallenge / AdminRespondToAuthChallenge) and the password
// lockout (API and hosted page), through the real AWS SDK v3 with the emulator's clock moved
// instead of sleeping (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { openLoginPage, submitLogin } from '../helpers/flow.js';
import {
  PUBLIC_CLIENT,
  SECRET,
  SECRET_CLIENT,
  NEW_PASSWORD,
  PASSWORD,
  POOL_ID,
  TEMP_PASSWORD,
  authFixture,
} from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

import { secretHash } from '../helpers/secret-hash.js';
import { verifyApiTokens } from '../helpers/auth.js';

const server = await testEmulator(t, { listen: true, fixture: authFixture() });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
const issuer = server.deps.urls.issuer(POOL_ID);
const moveClock = (ms: number) => {
  server.clock.offsetMs += ms;
};
t.afterEach(() => {
  server.clock.offsetMs = 0;
});

const passwordAuth = (USERNAME: string, password: string) =>
  sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME, PASSWORD: password } }),
  );

const answer = (Session: string | undefined, responses: Record<string, string>) =>
  sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: PUBLIC_CLIENT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session,
      ChallengeResponses: responses,
    }),
  );

t.test('NEW_PASSWORD_REQUIRED after the temporary password, then tokens', async (t) => {
  await rejectsWith(t, passwordAuth('fcp1', 'Wrong-Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
  const challenge = await passwordAuth('fcp1', TEMP_PASSWORD);
  t.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  t.equal(challenge.AuthenticationResult, undefined);
  t.ok((challenge.Session ?? '').length >= 20, 'an opaque Session');
  t.same(challenge.ChallengeParameters, {
    USER_ID_FOR_SRP: 'fcp1',
    requiredAttributes: '[]',
    userAttributes: JSON.stringify({ email: 'fcp1@example.com', email_verified: 'true', given_name: 'fcp1' }),
  });
  t.equal(server.deps.store.getUser(POOL_ID, 'fcp1')?.UserStatus, 'FORCE_CHANGE_PASSWORD');

  await rejectsWith(
    t,
    answer(challenge.Session, { USERNAME: 'fcp1', NEW_PASSWORD: 'short' }),
    'InvalidPasswordException',
    'Password did not conform with password policy: Password not long enough',
  );
  await rejectsWith(
    t,
    answer(challenge.Session, { USERNAME: 'fcp1' }),
    'InvalidParameterException',
    'Missing required parameter NEW_PASSWORD',
  );
  await rejectsWith(
    t,
    answer(challenge.Session, { USERNAME: 'fcp1', NEW_PASSWORD, 'userAttributes.email_verified': 'true' }),
    'NotAuthorizedException',
    'A client attempted to write unauthorized attribute',
  );
  await rejectsWith(
    t,
    answer(challenge.Session, { USERNAME: 'fcp2', NEW_PASSWORD }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );

  // The session survived the refused answers.
  const done = await answer(challenge.Session, { USERNAME: 'fcp1', NEW_PASSWORD, 'userAttributes.family_name': 'Changed' });
  t.same(done.ChallengeParameters, {});
  const { id } = await verifyApiTokens(server.url, issuer, PUBLIC_CLIENT, done.AuthenticationResult);
  t.equal(id['cognito:username'], 'fcp1');
  t.equal(id.family_name, 'Changed');
  const user = server.deps.store.getUser(POOL_ID, 'fcp1');
  t.equal(user?.UserStatus, 'CONFIRMED');
  t.equal(user?.Attributes.family_name, 'Changed');
  t.ok(user?.PasswordHash?.startsWith('scrypt$'), 'stored as a hash');
  t.match(user?.Srp, { Salt: /^[1-9a-f][0-9a-f]*$/, Verifier: /^[1-9a-f][0-9a-f]+$/ }, 'SRP verifier stored with it');
  t.notOk(JSON.stringify(user).includes(NEW_PASSWORD), 'never the password itself');

  await rejectsWith(
    t,
    answer(challenge.Session, { USERNAME: 'fcp1', NEW_PASSWORD }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
  await rejectsWith(t, passwordAuth('fcp1', TEMP_PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
  t.ok((await passwordAuth('fcp1', NEW_PASSWORD)).AuthenticationResult?.AccessToken, 'the new password works');
});

t.test("Session lifetime is the client's AuthSessionValidity (default 3 minutes)", async (t) => {
  const first = await passwordAuth('fcp2', TEMP_PASSWORD);
  moveClock(2 * 60_000 + 50_000);
  await rejectsWith(
    t,
    answer(first.Session, { USERNAME: 'fcp2', NEW_PASSWORD: 'short' }),
    'InvalidPasswordException',
    'Password did not conform with password policy: Password not long enough',
  );
  moveClock(15_000);
  await rejectsWith(
    t,
    answer(first.Session, { USERNAME: 'fcp2', NEW_PASSWORD }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
  await rejectsWith(
    t,
    answer('x'.repeat(40), { USERNAME: 'fcp2', NEW_PASSWORD }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
  await rejectsWith(
    t,
    answer(undefined, { USERNAME: 'fcp2', NEW_PASSWORD }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
  await rejectsWith(
    t,
    sdk.send(new RespondToAuthChallengeCommand({ ClientId: PUBLIC_CLIENT, ChallengeName: 'ADMIN_NO_SRP_AUTH', ChallengeResponses: {} })),
    'InvalidParameterException',
    'ChallengeName ADMIN_NO_SRP_AUTH is not supported by cognito-emulator',
  );
});

t.test('AdminInitiateAuth + AdminRespondToAuthChallenge with SECRET_HASH', async (t) => {
  const hash = (u: string) => secretHash(SECRET, u, SECRET_CLIENT);
  const challenge = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: POOL_ID,
      ClientId: SECRET_CLIENT,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'fcp3', PASSWORD: TEMP_PASSWORD, SECRET_HASH: hash('fcp3') },
    }),
  );
  t.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  const respond = (responses: Record<string, string>, ClientId = SECRET_CLIENT) =>
    sdk.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: POOL_ID,
        ClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: responses,
      }),
    );
  await rejectsWith(
    t,
    respond({ USERNAME: 'fcp3', NEW_PASSWORD }),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  await rejectsWith(
    t,
    respond({ USERNAME: 'fcp3', NEW_PASSWORD, SECRET_HASH: hash('fcp4') }),
    'NotAuthorizedException',
    `Unable to verify secret hash for client ${SECRET_CLIENT}`,
  );
  await rejectsWith(
    t,
    respond({ USERNAME: 'fcp3', NEW_PASSWORD }, PUBLIC_CLIENT),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
  const done = await respond({ USERNAME: 'fcp3', NEW_PASSWORD, SECRET_HASH: hash('fcp3') });
  t.equal(done.AuthenticationResult?.ExpiresIn, 1800);
  t.ok(done.AuthenticationResult?.RefreshToken);
});

t.test('lockout: 5 failures lock 1 s, doubling; success resets (API)', async (t) => {
  const wrong = () => rejectsWith(t, passwordAuth('lock1', 'Wrong-Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
  const locked = (password: string) =>
    rejectsWith(t, passwordAuth('lock1', password), 'NotAuthorizedException', 'Password attempts exceeded');
  for (let i = 0; i < 5; i++) await wrong();
  await locked(PASSWORD);
  moveClock(1000);
  t.ok((await passwordAuth('lock1', PASSWORD)).AuthenticationResult, 'unlocked after 1 s; success resets the count');
  for (let i = 0; i < 5; i++) await wrong();
  moveClock(1000);
  // Real time runs on under the moved clock, so the checks keep a margin of a few hundred ms.
  await wrong(); // the 6th failure locks for 2 s
  moveClock(1600);
  await locked(PASSWORD);
  moveClock(400);
  await wrong(); // the 7th: 4 s
  moveClock(3600);
  await locked('Wrong-Passw0rd!');
  moveClock(400);
  t.ok((await passwordAuth('lock1', PASSWORD)).AuthenticationResult);
  await wrong(); // the count started again
  t.ok((await passwordAuth('lock1', PASSWORD)).AuthenticationResult);
});

t.test('lockout caps at 15 minutes and reaches the hosted page', async (t) => {
  for (let i = 0; i < 20; i++) {
    await rejectsWith(t, passwordAuth('lock2', 'Wrong-Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
    moveClock(15 * 60_000);
  }
  moveClock(-15 * 60_000 + 500);
  const page = await openLoginPage(server.app);
  const res = await submitLogin(server.app, page, 'lock2', PASSWORD);
  t.equal(res.statusCode, 200, 'the page again, not a redirect');
  t.match(res.body, /data-testid="signin-error">Password attempts exceeded</);
  moveClock(15 * 60_000);
  const again = await openLoginPage(server.app);
  const ok = await submitLogin(server.app, again, 'lock2', PASSWORD);
  t.equal(ok.statusCode, 302, 'unlocked after at most 15 minutes');
  t.ok((await passwordAuth('lock2', PASSWORD)).AuthenticationResult);

  // Failures on the hosted page count for the API too.
  for (let i = 0; i < 5; i++) {
    const p = await openLoginPage(server.app);
    const r = await submitLogin(server.app, p, 'lock3', 'Wrong-Passw0rd!');
    t.match(r.body, /Incorrect username or password\./);
  }
  await rejectsWith(t, passwordAuth('lock3', PASSWORD), 'NotAuthorizedException', 'Password attempts exceeded');
});
