// amazon-cognito-identity-js (Amplify's sign-in library) against a listening emulator: SRP sign-in
// (its default), the newPasswordRequired callback and completeNewPasswordChallenge, an email-as-
// username pool, users created through AdminCreateUser / AdminSetUserPassword, refreshSession and
// USER_PASSWORD_AUTH. Tokens are verified with jose against the pool's JWKS.
// The library posts with the global fetch (Node 20's): its isomorphic-unfetch import keeps an
// existing global.fetch.
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';
import t, { type Test } from 'tap';
import {
  PUBLIC_CLIENT,
  EMAIL_CLIENT,
  EMAIL_POOL_ID,
  NEW_PASSWORD,
  PASSWORD,
  POOL_ID,
  TEMP_PASSWORD,
  authFixture,
} from '../helpers/fixtures/index.js';
import { sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

import { verifyApiTokens } from '../helpers/auth.js';

const server = await testEmulator(t, { listen: true, fixture: authFixture() });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());

type Outcome =
  | { kind: 'success'; session: CognitoUserSession }
  | { kind: 'failure'; err: { name?: string; code?: string; message?: string } }
  | { kind: 'newPassword'; userAttributes: Record<string, string>; requiredAttributes: string[] };

function callbacks(resolve: (o: Outcome) => void): IAuthenticationCallback {
  return {
    onSuccess: (session) => resolve({ kind: 'success', session }),
    onFailure: (err: { name?: string; code?: string; message?: string }) => resolve({ kind: 'failure', err }),
    newPasswordRequired: (userAttributes: Record<string, string>, requiredAttributes: string[]) =>
      resolve({ kind: 'newPassword', userAttributes, requiredAttributes }),
  };
}

function user(username: string, poolId = POOL_ID, clientId = PUBLIC_CLIENT): CognitoUser {
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.url });
  return new CognitoUser({ Username: username, Pool: pool });
}

const authenticate = (cognitoUser: CognitoUser, password: string) =>
  new Promise<Outcome>((resolve) =>
    cognitoUser.authenticateUser(
      new AuthenticationDetails({ Username: cognitoUser.getUsername(), Password: password }),
      callbacks(resolve),
    ),
  );

const completeNewPassword = (cognitoUser: CognitoUser, password: string, attributes: Record<string, string>) =>
  new Promise<Outcome>((resolve) => cognitoUser.completeNewPasswordChallenge(password, attributes, callbacks(resolve)));

function session(t: Test, outcome: Outcome): CognitoUserSession {
  if (outcome.kind !== 'success') {
    t.fail(`expected onSuccess, got ${outcome.kind}: ${JSON.stringify(outcome)}`);
    throw new Error('sign-in did not succeed');
  }
  return outcome.session;
}

async function verified(session: CognitoUserSession, poolId = POOL_ID, clientId = PUBLIC_CLIENT) {
  return verifyApiTokens(server.url, server.deps.urls.issuer(poolId), clientId, {
    IdToken: session.getIdToken().getJwtToken(),
    AccessToken: session.getAccessToken().getJwtToken(),
  });
}

t.test('SRP sign-in (the default flow), then refreshSession', async (t) => {
  const alice = user('alice');
  const signedIn = session(t, await authenticate(alice, PASSWORD));
  t.ok(signedIn.isValid());
  const { id, access } = await verified(signedIn);
  t.equal(id['cognito:username'], 'alice');
  t.equal(access.scope, 'aws.cognito.signin.user.admin');
  t.match(signedIn.getRefreshToken().getToken(), /^eyJjdHkiOiJKV1Qi/);

  const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
    alice.refreshSession(signedIn.getRefreshToken(), (err: unknown, s: CognitoUserSession) => (err ? reject(err) : resolve(s))),
  );
  const after = await verified(refreshed);
  t.equal(after.access.origin_jti, access.origin_jti, 'same token family');
  t.equal(refreshed.getRefreshToken().getToken(), signedIn.getRefreshToken().getToken(), 'the refresh token is kept');
});

t.test("wrong password and unknown user reach onFailure with Cognito's errors", async (t) => {
  const wrong = await authenticate(user('srpuser'), 'Wrong-Passw0rd!');
  t.match(wrong, {
    kind: 'failure',
    err: { name: 'NotAuthorizedException', code: 'NotAuthorizedException', message: 'Incorrect username or password.' },
  });
  const unknown = await authenticate(user('nobody'), PASSWORD);
  t.match(unknown, { kind: 'failure', err: { name: 'UserNotFoundException', message: 'User does not exist.' } });
});

t.test('newPasswordRequired, then completeNewPasswordChallenge', async (t) => {
  const fcp = user('fcp4');
  const challenge = await authenticate(fcp, TEMP_PASSWORD);
  t.same(challenge, {
    kind: 'newPassword',
    requiredAttributes: [],
    userAttributes: { email: 'fcp4@example.com', email_verified: 'true', given_name: 'fcp4' },
  });
  const done = session(t, await completeNewPassword(fcp, NEW_PASSWORD, { given_name: 'Fourth' }));
  const { id } = await verified(done);
  t.equal(id['cognito:username'], 'fcp4');
  t.equal(id.given_name, 'Fourth');
  t.equal(server.deps.store.getUser(POOL_ID, 'fcp4')?.UserStatus, 'CONFIRMED');
});

// (srp-flow.test.ts signs a fixture user of this pool in with the library's SRP maths too.)
t.test('email-as-username pool: sign in with the email; a new password there works with SRP', async (t) => {
  const fern = user('fern@example.com', EMAIL_POOL_ID, EMAIL_CLIENT);
  const challenge = await authenticate(fern, TEMP_PASSWORD);
  t.equal(challenge.kind, 'newPassword');
  session(t, await completeNewPassword(fern, NEW_PASSWORD, {}));
  // The stored verifier was computed for the internal username and this pool's name.
  const again = session(t, await authenticate(user('fern@example.com', EMAIL_POOL_ID, EMAIL_CLIENT), NEW_PASSWORD));
  const { id } = await verified(again, EMAIL_POOL_ID, EMAIL_CLIENT);
  t.equal(id.email, 'fern@example.com');
  t.match(id['cognito:username'], /^[0-9a-f-]{36}$/, 'the internal (sub-like) username');
  t.not(id['cognito:username'], 'fern@example.com');
});

t.test('users created with AdminCreateUser and AdminSetUserPassword sign in with SRP', async (t) => {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: 'grace',
      TemporaryPassword: TEMP_PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'grace@example.com' }],
    }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'grace', Password: NEW_PASSWORD, Permanent: true }));
  const grace = session(t, await authenticate(user('grace'), NEW_PASSWORD));
  t.equal((await verified(grace)).id.email, 'grace@example.com');
});

t.test('USER_PASSWORD_AUTH when the app selects it', async (t) => {
  const alice = user('alice');
  alice.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  const s = session(t, await authenticate(alice, PASSWORD));
  t.equal((await verified(s)).id['cognito:username'], 'alice');
});
