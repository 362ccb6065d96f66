// The sign-in core's outcomes on both surfaces: every case goes through the JSON API
// (InitiateAuth USER_PASSWORD_AUTH) and the hosted page (POST /login), and both answers are
// checked against one table. Rows where the surfaces differ on purpose say so.
import t from 'tap';
import type { FastifyInstance } from 'fastify';
import { authFixture, TEMP_PASSWORD, CALLBACK, PASSWORD, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { testEmulator } from '../helpers/harness.js';

import { openLoginPage, submitLogin } from '../helpers/flow.js';
import { inBoth, textOf } from '../helpers/html.js';

const HIDING_CLIENT = 'hidingclient00000000000000';

/** The auth fixture plus an OAuth client that hides user existence (PreventUserExistenceErrors ENABLED). */
function fixture() {
  const f = authFixture();
  (f.UserPools[0] as unknown as { Clients: object[] }).Clients.push({
    ClientId: HIDING_CLIENT,
    ClientName: 'hides users',
    PreventUserExistenceErrors: 'ENABLED',
    CallbackURLs: [CALLBACK],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid'],
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  return f;
}

type ApiAnswer = { error: readonly [string, string] } | { challenge: string } | 'tokens';
type PageAnswer = { message: string } | 'new-password form' | 'redirect with code';

interface Row {
  name: string;
  login: string;
  password: string;
  client?: string;
  api: ApiAnswer;
  page: PageAnswer;
}

const INCORRECT = 'Incorrect username or password.';
const incorrect = { api: { error: ['NotAuthorizedException', INCORRECT] }, page: { message: INCORRECT } } as const;

const ROWS: Row[] = [
  { name: 'right password', login: 'alice', password: PASSWORD, api: 'tokens', page: 'redirect with code' },
  { name: 'wrong password', login: 'alice', password: 'wrong-Passw0rd!', ...incorrect },
  {
    name: 'unknown user, LEGACY client',
    login: 'nobody',
    password: PASSWORD,
    api: { error: ['UserNotFoundException', 'User does not exist.'] },
    page: { message: 'User does not exist.' },
  },
  { name: 'unknown user, ENABLED client', login: 'nobody', password: PASSWORD, client: HIDING_CLIENT, ...incorrect },
  {
    name: 'disabled user, right password',
    login: 'carol',
    password: PASSWORD,
    api: { error: ['NotAuthorizedException', 'User is disabled.'] },
    page: { message: 'User is disabled.' },
  },
  {
    name: 'disabled user, wrong password',
    login: 'carol',
    password: 'wrong',
    api: { error: ['NotAuthorizedException', 'User is disabled.'] },
    page: { message: 'User is disabled.' },
  },
  {
    name: 'disabled user, ENABLED client',
    login: 'carol',
    password: 'wrong',
    client: HIDING_CLIENT,
    api: { error: ['NotAuthorizedException', 'User is disabled.'] },
    page: { message: 'User is disabled.' },
  },
  {
    name: 'unconfirmed user, right password',
    login: 'dave',
    password: PASSWORD,
    api: { error: ['UserNotConfirmedException', 'User is not confirmed.'] },
    page: { message: 'User is not confirmed.' },
  },
  {
    name: 'unconfirmed user, wrong password (whatever the password)',
    login: 'dave',
    password: 'wrong',
    api: { error: ['UserNotConfirmedException', 'User is not confirmed.'] },
    page: { message: 'User is not confirmed.' },
  },
  // The page's text ends with a period, the API's does not (hosted-ui/sign-in-messages.ts).
  {
    name: 'reset-required user, right password',
    login: 'rita',
    password: PASSWORD,
    api: { error: ['PasswordResetRequiredException', 'Password reset required for the user'] },
    page: { message: 'Password reset required for the user.' },
  },
  { name: 'reset-required user, wrong password (only a correct one reveals it)', login: 'rita', password: 'wrong', ...incorrect },
  {
    name: 'force-change user, temporary password',
    login: 'fcp1',
    password: TEMP_PASSWORD,
    api: { challenge: 'NEW_PASSWORD_REQUIRED' },
    page: 'new-password form',
  },
  { name: 'force-change user, wrong password', login: 'fcp1', password: 'wrong', ...incorrect },
];

async function api(app: FastifyInstance, login: string, password: string, client = PUBLIC_CLIENT) {
  const res = await app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    payload: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client, AuthParameters: { USERNAME: login, PASSWORD: password } }),
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

async function page(app: FastifyInstance, login: string, password: string, client = PUBLIC_CLIENT) {
  return submitLogin(app, await openLoginPage(app, { clientId: client }), login, password);
}

t.test('each outcome on the JSON API and on the hosted page', async (t) => {
  const { app } = await testEmulator(t, { fixture: fixture() });
  for (const row of ROWS) {
    const a = await api(app, row.login, row.password, row.client);
    if (row.api === 'tokens') {
      t.equal(a.status, 200, `${row.name}: API 200`);
      t.type((a.body.AuthenticationResult as Record<string, unknown> | undefined)?.AccessToken, 'string', `${row.name}: API tokens`);
    } else if ('challenge' in row.api) {
      t.equal(a.body.ChallengeName, row.api.challenge, `${row.name}: API challenge`);
      t.type(a.body.Session, 'string', `${row.name}: API Session`);
    } else {
      t.equal(a.status, 400, `${row.name}: API 400`);
      t.same([a.body.__type, a.body.message], row.api.error, `${row.name}: API error`);
    }

    const p = await page(app, row.login, row.password, row.client);
    if (row.page === 'redirect with code') {
      t.equal(p.statusCode, 302, `${row.name}: page redirects`);
      t.match(String(p.headers.location), new RegExp(`^${CALLBACK}\\?code=`), `${row.name}: back to the app with a code`);
    } else if (row.page === 'new-password form') {
      t.equal(p.statusCode, 200, `${row.name}: page 200`);
      inBoth(p.body, 'input', { id: 'new_password', name: 'password' });
    } else {
      t.equal(p.statusCode, 200, `${row.name}: page 200`);
      t.equal(textOf(p.body, 'loginErrorMessage'), row.page.message, `${row.name}: page message`);
      t.equal(p.headers.location, undefined, `${row.name}: no redirect`);
    }
  }
});

t.test('one lockout for both surfaces: failures on the page lock the API, and the reverse', async (t) => {
  const { app, clock } = await testEmulator(t, { fixture: fixture() });
  for (let i = 0; i < 5; i++)
    t.equal(textOf((await page(app, 'lock1', 'wrong')).body, 'loginErrorMessage'), INCORRECT, `page failure ${i + 1}`);
  const locked = await api(app, 'lock1', PASSWORD);
  t.same(
    [locked.body.__type, locked.body.message],
    ['NotAuthorizedException', 'Password attempts exceeded'],
    "the API is locked by the page's failures",
  );
  t.equal(textOf((await page(app, 'lock1', PASSWORD)).body, 'loginErrorMessage'), 'Password attempts exceeded', 'so is the page');

  for (let i = 0; i < 5; i++) await api(app, 'lock2', 'wrong');
  t.equal(
    textOf((await page(app, 'lock2', PASSWORD)).body, 'loginErrorMessage'),
    'Password attempts exceeded',
    "the page is locked by the API's failures",
  );
  clock.offsetMs += 1500;
  t.equal((await page(app, 'lock2', PASSWORD)).statusCode, 302, 'after the lock the right password gets in');
  t.equal((await api(app, 'lock2', PASSWORD)).status, 200, 'and on the API too');
});

t.test("one store of challenges: the page's new-password step and the API's Session are the same kind of entry", async (t) => {
  const { app, deps } = await testEmulator(t, { fixture: fixture() });
  const viaApi = await api(app, 'fcp2', TEMP_PASSWORD);
  const viaPage = await page(app, 'fcp3', TEMP_PASSWORD);
  const pageSession = inBoth(viaPage.body, 'input', { name: 'challenge' }).value ?? '';
  const apiEntry = deps.signInChallenges.get(String(viaApi.body.Session));
  const pageEntry = deps.signInChallenges.get(pageSession);
  t.match(apiEntry, { challenge: 'NEW_PASSWORD_REQUIRED', username: 'fcp2', clientId: PUBLIC_CLIENT });
  t.match(pageEntry, { challenge: 'NEW_PASSWORD_REQUIRED', username: 'fcp3', clientId: PUBLIC_CLIENT });
  // A page session is not accepted by the API for another user, nor the reverse.
  const wrongUser = await app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RespondToAuthChallenge' },
    payload: JSON.stringify({
      ClientId: PUBLIC_CLIENT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: pageSession,
      ChallengeResponses: { USERNAME: 'fcp2', NEW_PASSWORD: 'N3w-Passw0rd!' },
    }),
  });
  t.same((wrongUser.json() as Record<string, unknown>).message, 'Invalid session for the user, session is expired.');
  // The page's session answered through the API for its own user completes it: one store, one completion.
  const answered = await app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RespondToAuthChallenge' },
    payload: JSON.stringify({
      ClientId: PUBLIC_CLIENT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: pageSession,
      ChallengeResponses: { USERNAME: 'fcp3', NEW_PASSWORD: 'N3w-Passw0rd!' },
    }),
  });
  t.equal(answered.statusCode, 200);
  t.equal(deps.signInChallenges.get(pageSession), undefined, 'the challenge is gone once answered');
  t.equal((await page(app, 'fcp3', 'N3w-Passw0rd!')).statusCode, 302, 'the new password signs in on the page');
});
