// oidc-client-ts in a single-page app in chromium against the emulator's hosted UI and OAuth
// endpoints, configured as for a real Cognito user pool: redirect sign-in (code + PKCE), silent
// renew by refresh token, revoking the refresh token, and signoutRedirect through /logout; with
// the authority on the plain http port and on the TLS port.
import t from 'tap';
import { startHttpsEmulator } from '../helpers/start-https-emulator.js';
import { OIDC_CLIENT, PASSWORD, POOL_ID, realClientFixture } from '../helpers/fixtures/index.js';
import { decodePart } from '../helpers/flow.js';
import {
  bundlePages,
  call,
  haveChromium,
  launchChromium,
  newFlow,
  pageReady,
  signInOnHostedPage,
  startApp,
  startNavigation,
  trustServedKey,
  type Flow,
} from '../helpers/browser-app.js';
import type { OidcConfig, OidcPage } from './page-api.js';

/** The payload of a token the client received. */
const claims = (jwt: string | undefined) => decodePart(jwt ?? '', 1);

if (haveChromium('oidc-client-ts in chromium')) {
  const app = await startApp(t, await bundlePages(t, ['oidc']));
  const emulator = await startHttpsEmulator(t, realClientFixture(app.origin));
  const pageUrl = `${app.origin}/oidc`;
  const browser = await launchChromium(t, [await trustServedKey(Number(new URL(emulator.httpsUrl).port), emulator.ca.pem)]);
  const oidc = <K extends keyof OidcPage>(flow: Flow, name: K, ...args: Parameters<OidcPage[K]>) =>
    call<OidcPage, K>(flow.page, name, ...args);

  /** The refresh_token grant, from Node: what the emulator says about a refresh token now. */
  const refreshFromNode = async (refreshToken: string | undefined) => {
    const res = await fetch(`${emulator.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: OIDC_CLIENT, refresh_token: refreshToken ?? '' }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  // The same app with its authority on either listener: discovery there sends it to that origin's endpoints.
  const flows = [
    ['http', emulator.url],
    ['https', emulator.httpsUrl],
  ] as const;
  for (const [transport, base] of flows)
    t.test(`redirect sign-in, silent renew, revocation, signoutRedirect (authority over ${transport})`, async (t) => {
      const config: OidcConfig = { authority: `${base}/${POOL_ID}`, clientId: OIDC_CLIENT, redirectUri: pageUrl, logoutUri: pageUrl };
      app.config = config;
      const flow = await newFlow(t, browser);
      const { page } = flow;
      await page.goto(pageUrl);
      await pageReady(page);
      t.equal(await oidc(flow, 'user'), null, 'nobody signed in yet');

      await startNavigation<OidcPage>(page, 'signinRedirect');
      await signInOnHostedPage(page, 'alice', PASSWORD);
      await page.waitForURL(`${pageUrl}?*`);
      await pageReady(page);
      const authorize = new URL(flow.requested.find((u) => u.startsWith(`${base}/oauth2/authorize`)) ?? base);
      t.equal(authorize.searchParams.get('code_challenge_method'), 'S256', 'PKCE with S256');
      const user = await oidc(flow, 'callbackResult');
      t.ok(user, 'signinRedirectCallback completed');
      t.equal(user?.profile.sub, claims(user?.idToken).sub);
      t.equal(user?.profile.email, 'alice@example.com');
      t.equal(user?.profile.iss, emulator.issuer(POOL_ID), 'the id token was validated against the discovered issuer');
      t.equal(claims(user?.accessToken).client_id, OIDC_CLIENT);
      t.ok(user?.refreshToken, 'a refresh token');

      const renewed = await oidc(flow, 'signinSilent');
      t.not(renewed?.accessToken, user?.accessToken, 'silent renew brought a new access token');
      t.equal(renewed?.refreshToken, user?.refreshToken, 'the refresh token is kept (no rotation on this client)');
      t.equal(renewed?.profile.sub, user?.profile.sub);
      t.notOk(
        flow.requested.some((u) => u.includes('prompt=none')),
        'renewed by refresh token, not by an iframe',
      );
      t.equal((await refreshFromNode(user?.refreshToken)).status, 200, 'the refresh token still works before revocation');

      await oidc(flow, 'revokeRefreshToken');
      t.ok(flow.requested.includes(`${base}/oauth2/revoke`), 'revokeTokens called the revocation endpoint');
      t.notOk((await oidc(flow, 'user'))?.refreshToken, 'oidc-client-ts dropped the revoked token');
      t.match(await refreshFromNode(user?.refreshToken), { status: 400, body: { error: 'invalid_grant' } }, 'the emulator refuses it now');

      t.ok(
        (await flow.context.cookies(base)).some((c) => c.name === 'cognito'),
        'the hosted UI session cookie is there',
      );
      await startNavigation<OidcPage>(page, 'signoutRedirect');
      await page.waitForURL((url) => url.href.startsWith(pageUrl) && flow.requested.some((u) => u.startsWith(`${base}/logout`)));
      await pageReady(page);
      const logout = new URL(flow.requested.find((u) => u.startsWith(`${base}/logout`)) ?? base);
      t.strictSame(
        logout.searchParams.getAll('client_id'),
        [OIDC_CLIENT, OIDC_CLIENT],
        'oidc-client-ts sent client_id twice, and /logout took it',
      );
      t.equal(logout.searchParams.get('logout_uri'), pageUrl);
      t.equal(new URL(page.url()).origin + new URL(page.url()).pathname, pageUrl, '/logout sent the browser back to the app');
      t.notOk(
        (await flow.context.cookies(base)).some((c) => c.name === 'cognito'),
        'the hosted UI session is gone',
      );

      // Signed out at the hosted UI too: the next sign-in asks for the password again.
      await startNavigation<OidcPage>(page, 'signinRedirect');
      await page.waitForURL((url) => url.pathname === '/login');
      t.pass('the hosted sign-in page is shown again');
    });
}
