// Amplify JS v6 in Node (a script, a server-side job, an app's own test suite) against the emulator
// running in its own process, as with npx or docker. Token expiry is reached the way an app's test
// reaches it: the emulator's clock moves (POST /_emulator/clock) and so does the app's (Date, as
// vi.setSystemTime or sinon's fake timers would move it). Amplify then refreshes on its own, through
// GetTokensFromRefreshToken, with refresh-token rotation off and on.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, fetchUserAttributes, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { cliApi, startCli, stopCli, writeFixture } from '../helpers/cli-process.js';
import {
  AMPLIFY_CLIENT,
  GRACE_SECONDS,
  PASSWORD,
  POOL_ID,
  ROTATING_CLIENT,
  ROTATING_CLIENT_DEF,
  realClientFixture,
} from '../helpers/fixtures/index.js';
import { decodePart } from '../helpers/flow.js';

/** The payload of a token the client received. */
const claims = (jwt: string | undefined) => decodePart(jwt ?? '', 1);

const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-amplify-node-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const cli = await startCli({
  FIXTURES: writeFixture(dir, realClientFixture('http://localhost:3000', [ROTATING_CLIENT_DEF])),
  LOG_LEVEL: 'info',
});
t.teardown(() => stopCli(cli));

/** The app's clock: real time plus a shift, like the fake timers of an app's test runner. */
const RealDate = Date;
let appShiftMs = 0;
class ShiftedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + appShiftMs);
    else super(...(args as [string]));
  }
  static override now(): number {
    return RealDate.now() + appShiftMs;
  }
}
globalThis.Date = ShiftedDate as DateConstructor;
t.teardown(() => {
  globalThis.Date = RealDate;
});

/** Moves both clocks to `seconds` past real time. */
async function moveClocks(seconds: number): Promise<void> {
  const res = await fetch(`${cli.url}/_emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetSeconds: seconds }),
  });
  if (res.status !== 200) throw new Error(`POST /_emulator/clock answered ${res.status}: ${await res.text()}`);
  appShiftMs = seconds * 1000;
}

// The JSON API operations Amplify calls, seen by wrapping fetch (Amplify's transport in Node), and
// anything it asks of another origin (there must be nothing).
const operations: string[] = [];
const foreign: string[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (new URL(url).origin !== new URL(cli.url).origin) foreign.push(url);
  const target = new Headers(init?.headers).get('x-amz-target');
  if (target) operations.push(target.replace(/^AWSCognitoIdentityProviderService\./, ''));
  return realFetch(input, init);
};
t.teardown(() => {
  globalThis.fetch = realFetch;
});
const callsDuring = async (action: () => Promise<unknown>) => {
  const before = operations.length;
  await action();
  return operations.slice(before);
};

// Amplify's token storage (in memory in Node), readable so the tests see the stored refresh token.
// Amplify.configure installs its default storage, so this is set after every configure, as Amplify's docs say.
const storage = new Map<string, string>();
const storedRefreshToken = () => [...storage].find(([key]) => key.endsWith('.refreshToken'))?.[1];

function configure(clientId: string): void {
  Amplify.configure({ Auth: { Cognito: { userPoolId: POOL_ID, userPoolClientId: clientId, userPoolEndpoint: cli.url } } });
  cognitoUserPoolsTokenProvider.setKeyValueStorage({
    setItem: async (key, value) => {
      storage.set(key, value);
    },
    getItem: async (key) => storage.get(key) ?? null,
    removeItem: async (key) => {
      storage.delete(key);
    },
    clear: async () => {
      storage.clear();
    },
  });
}

t.beforeEach(() => moveClocks(0));

t.test('rotation off: the access token expires, fetchAuthSession refreshes it', async (t) => {
  configure(AMPLIFY_CLIENT);
  t.strictSame(await signIn({ username: 'alice', password: PASSWORD }), { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  const first = await fetchAuthSession();
  const access = claims(first.tokens?.accessToken.toString());
  const refreshToken = storedRefreshToken();
  t.ok(refreshToken, 'Amplify stored a refresh token');

  const lifetime = Number(access.exp) - Number(access.iat);
  t.equal(lifetime, 3600, 'the default access token lifetime');
  await moveClocks(lifetime + 60);
  t.match(
    await cliApi(cli.url, 'GetUser', { AccessToken: first.tokens?.accessToken.toString() }),
    { status: 400, body: { __type: 'NotAuthorizedException', message: 'Access Token has expired' } },
    'the emulator sees the old access token expired',
  );

  let second: Awaited<ReturnType<typeof fetchAuthSession>> | undefined;
  t.strictSame(
    await callsDuring(async () => {
      second = await fetchAuthSession();
    }),
    ['GetTokensFromRefreshToken'],
    'Amplify noticed the expiry and refreshed',
  );
  const renewed = claims(second?.tokens?.accessToken.toString());
  t.equal(renewed.sub, access.sub);
  t.ok(Number(renewed.exp) > Date.now() / 1000 + 3000, 'the new access token is valid at the moved time');
  t.equal(storedRefreshToken(), refreshToken, 'without rotation the refresh token stays');
  t.equal(
    (await cliApi(cli.url, 'GetUser', { AccessToken: second?.tokens?.accessToken.toString() })).status,
    200,
    'the emulator accepts the new token',
  );
  t.equal((await getCurrentUser()).username, 'alice');
  t.equal((await fetchUserAttributes()).email, 'alice@example.com');

  t.strictSame(await callsDuring(() => fetchAuthSession()), [], 'a fresh token is not refreshed again');
  await signOut();
});

t.test('rotation on: every refresh brings a new refresh token, the old one dies after the grace period', async (t) => {
  configure(ROTATING_CLIENT);
  t.match(await signIn({ username: 'alice', password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } }), { isSignedIn: true });
  const original = storedRefreshToken();
  t.ok(original);

  t.strictSame(await callsDuring(() => fetchAuthSession({ forceRefresh: true })), ['GetTokensFromRefreshToken']);
  const rotated = storedRefreshToken();
  t.ok(rotated && rotated !== original, 'Amplify stored the new refresh token');
  const reuse = (token: string | undefined) =>
    cliApi(cli.url, 'GetTokensFromRefreshToken', { ClientId: ROTATING_CLIENT, RefreshToken: token });

  await moveClocks(GRACE_SECONDS + 1);
  t.match(
    await reuse(original),
    { status: 400, body: { __type: 'RefreshTokenReuseException' } },
    'the rotated-out token is refused after the grace period',
  );

  // Natural expiry on a rotating client: Amplify refreshes with the token it holds and stores the next one.
  const access = claims((await fetchAuthSession()).tokens?.accessToken.toString());
  await moveClocks(Number(access.exp) - Number(access.iat) + 120);
  let session: Awaited<ReturnType<typeof fetchAuthSession>> | undefined;
  t.strictSame(
    await callsDuring(async () => {
      session = await fetchAuthSession();
    }),
    ['GetTokensFromRefreshToken'],
    'refreshed after expiry',
  );
  t.ok(session?.tokens?.accessToken, 'a session after expiry');
  const third = storedRefreshToken();
  t.ok(third && third !== rotated, 'rotated again');
  t.equal((await getCurrentUser()).username, 'alice');
  await signOut({ global: true });
  t.match(await reuse(third), { status: 400, body: { __type: 'NotAuthorizedException' } }, 'global sign-out ends the rotated token too');
});

t.test('Amplify asked nothing of any other origin', async (t) => {
  t.ok(operations.length > 0, 'it did call the emulator');
  t.strictSame(foreign, []);
});
