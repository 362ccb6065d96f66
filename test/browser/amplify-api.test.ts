// Amplify JS v6 bundled into a page in chromium, signing in through the JSON API with
// `userPoolEndpoint` pointed at the emulator's plain or TLS port: every call is a cross-origin fetch
// from http://localhost:<app>, so CORS (preflights included) is exercised by the browser itself.
import t from 'tap';
import { cliApi } from '../helpers/cli-process.js';
import { startHttpsEmulator } from '../helpers/start-https-emulator.js';
import { AMPLIFY_CLIENT, PASSWORD, POOL_ID, realClientFixture } from '../helpers/fixtures/index.js';
import { decodePart } from '../helpers/flow.js';
import {
  bundlePages,
  call,
  haveChromium,
  launchChromium,
  newFlow,
  pageReady,
  startApp,
  trustServedKey,
  type Flow,
} from '../helpers/browser-app.js';
import type { AmplifyConfig, AmplifyPage } from './page-api.js';

/** The payload of a token the client received. */
const claims = (jwt: string | undefined) => decodePart(jwt ?? '', 1);

if (haveChromium('Amplify v6 in chromium')) {
  const app = await startApp(t, await bundlePages(t, ['amplify']));
  const emulator = await startHttpsEmulator(t, realClientFixture(app.origin));
  const browser = await launchChromium(t, [await trustServedKey(Number(new URL(emulator.httpsUrl).port), emulator.ca.pem)]);

  /** Opens the app with Amplify's userPoolEndpoint on `endpoint`, the pool back at its fixture state. */
  const openApp = async (flow: Flow, endpoint: string) => {
    await emulator.reset();
    const config: AmplifyConfig = { userPoolId: POOL_ID, userPoolClientId: AMPLIFY_CLIENT, userPoolEndpoint: endpoint };
    app.config = config;
    await flow.page.goto(`${app.origin}/amplify`);
    await pageReady(flow.page);
  };
  const amplify = <K extends keyof AmplifyPage>(flow: Flow, name: K, ...args: Parameters<AmplifyPage[K]>) =>
    call<AmplifyPage, K>(flow.page, name, ...args);
  /** The emulator's own answer to GetUser for an access token (from Node, not from the page). */
  const getUser = (accessToken: string | undefined) => cliApi(emulator.url, 'GetUser', { AccessToken: accessToken });

  for (const endpoint of [emulator.url, emulator.httpsUrl])
    t.test(
      `SRP sign-in, forced refresh, attributes, global sign-out (userPoolEndpoint over ${new URL(endpoint).protocol.replace(':', '')})`,
      async (t) => {
        const flow = await newFlow(t, browser);
        await openApp(flow, endpoint);
        t.strictSame(await amplify(flow, 'signIn', 'alice', PASSWORD, 'USER_SRP_AUTH'), { isSignedIn: true, step: 'DONE' });
        t.strictSame(flow.operations, ['InitiateAuth', 'RespondToAuthChallenge'], 'SRP: InitiateAuth, then PASSWORD_VERIFIER');

        const first = await amplify(flow, 'session', false);
        const access = claims(first.accessToken);
        t.equal(access.token_use, 'access');
        t.equal(access.client_id, AMPLIFY_CLIENT);
        t.equal(access.username, 'alice');
        t.equal(first.userSub, access.sub);
        t.equal(claims(first.idToken).email, 'alice@example.com');

        const before = flow.operations.length;
        const refreshed = await amplify(flow, 'session', true);
        t.strictSame(flow.operations.slice(before), ['GetTokensFromRefreshToken'], 'forceRefresh goes through GetTokensFromRefreshToken');
        t.not(refreshed.accessToken, first.accessToken, 'a new access token');
        t.equal(claims(refreshed.accessToken).sub, access.sub);
        t.equal(claims(refreshed.idToken).aud, AMPLIFY_CLIENT);
        t.equal((await getUser(refreshed.accessToken)).status, 200, 'the emulator accepts the refreshed token');

        const attributes = await amplify(flow, 'userAttributes');
        t.match(attributes, {
          email: 'alice@example.com',
          email_verified: 'true',
          given_name: 'Alice',
          'custom:tier': 'gold',
          sub: access.sub,
        });
        t.equal(flow.operations.at(-1), 'GetUser');
        await amplify(flow, 'deleteUserAttributes', ['given_name', 'custom:tier']);
        t.equal(flow.operations.at(-1), 'DeleteUserAttributes');
        const remaining = await amplify(flow, 'userAttributes');
        t.notOk('given_name' in remaining || 'custom:tier' in remaining, 'deleteUserAttributes removed them');
        t.equal(remaining.email, 'alice@example.com', 'and nothing else');

        await amplify(flow, 'signOut', true);
        t.equal(flow.operations.at(-1), 'GlobalSignOut');
        t.equal((await amplify(flow, 'session', false)).accessToken, undefined, 'no tokens left in the page');
        t.match(
          await getUser(refreshed.accessToken),
          { status: 400, body: { __type: 'NotAuthorizedException' } },
          'the access token is revoked',
        );
        const before2 = flow.operations.length;
        t.equal((await amplify(flow, 'session', true)).accessToken, undefined, 'nothing to refresh with after sign-out');
        t.strictSame(flow.operations.slice(before2), [], 'so Amplify does not try');
        t.strictSame(
          flow.requested.filter((u) => ![app.origin, endpoint].includes(new URL(u).origin)),
          [],
          'nothing but the app and the emulator was contacted',
        );
      },
    );

  t.test('USER_PASSWORD_AUTH sign-in, then getCurrentUser', async (t) => {
    const flow = await newFlow(t, browser);
    await openApp(flow, emulator.url);
    await t.rejects(amplify(flow, 'signIn', 'alice', 'wrong-Passw0rd', 'USER_PASSWORD_AUTH'), {
      message: 'NotAuthorizedException: Incorrect username or password.',
    });
    t.strictSame(await amplify(flow, 'signIn', 'alice', PASSWORD, 'USER_PASSWORD_AUTH'), { isSignedIn: true, step: 'DONE' });
    t.strictSame(flow.operations, ['InitiateAuth', 'InitiateAuth'], 'USER_PASSWORD_AUTH is one call');
    const user = await amplify(flow, 'currentUser');
    t.equal(user.username, 'alice');
    t.equal(user.userId, claims((await amplify(flow, 'session', false)).accessToken).sub);
    await amplify(flow, 'signOut', false);
    t.equal(flow.operations.at(-1), 'RevokeToken', 'a local sign-out revokes the refresh token');
    await t.rejects(amplify(flow, 'currentUser'), /UserUnAuthenticatedException/);
  });
}
