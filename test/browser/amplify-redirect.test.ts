// Amplify JS v6 signInWithRedirect in chromium against the emulator's own HTTPS port, with nothing
// but HTTPS_PORT set (startEmulator({ httpsPort })): Amplify always builds https://{domain}/...
// URLs, so `domain` is localhost:<https port>. The hosted page is filled in, Amplify exchanges the
// code at /oauth2/token (a cross-origin fetch from the http app), getCurrentUser works, and signOut
// goes through /logout back to the app.
import t from 'tap';
import { decodePart } from '../helpers/flow.js';
import { AMPLIFY_CLIENT, PASSWORD, realClientFixture } from '../helpers/fixtures/index.js';
import { startAmplifyHttps } from '../helpers/amplify-https.js';
import { haveChromium, newFlow, pageReady, signInOnHostedPage, startNavigation } from '../helpers/browser-app.js';
import type { AmplifyPage } from './page-api.js';

if (haveChromium('Amplify signInWithRedirect in chromium')) {
  const { app, emulator, pageUrl, browser, amplify } = await startAmplifyHttps(t, realClientFixture);

  t.test('signInWithRedirect: hosted page, code exchange, getCurrentUser, signOut through /logout', async (t) => {
    const flow = await newFlow(t, browser);
    const { page } = flow;
    await page.goto(pageUrl);
    await pageReady(page);
    await startNavigation<AmplifyPage>(page, 'signInWithRedirect');
    await signInOnHostedPage(page, 'alice', PASSWORD);
    t.equal(
      new URL(flow.requested.find((u) => u.includes('/oauth2/authorize')) ?? '').origin,
      emulator.httpsUrl,
      'Amplify went to https://{domain}/oauth2/authorize',
    );

    await page.waitForURL(`${pageUrl}?*`);
    await pageReady(page);
    const events = await amplify(page, 'redirectDone');
    t.ok(events.includes('signInWithRedirect'), `Amplify completed the redirect (Hub: ${events.join(', ')})`);
    t.ok(events.includes('signedIn'));
    t.ok(flow.requested.includes(`${emulator.httpsUrl}/oauth2/token`), 'the code was exchanged at the HTTPS token endpoint');

    const user = await amplify(page, 'currentUser');
    t.equal(user.username, 'alice');
    const session = await amplify(page, 'session', false);
    t.equal(decodePart(session.idToken ?? '', 1).aud, AMPLIFY_CLIENT);
    t.equal(decodePart(session.accessToken ?? '', 1).sub, user.userId);
    t.equal((await amplify(page, 'userAttributes')).email, 'alice@example.com', 'the JSON API over HTTPS takes the hosted-UI access token');
    const before = flow.operations.length;
    const refreshed = await amplify(page, 'session', true);
    t.strictSame(flow.operations.slice(before), ['GetTokensFromRefreshToken'], 'the hosted-UI session refreshes over TLS');
    t.not(refreshed.accessToken, session.accessToken, 'with a new access token');
    t.ok(
      (await flow.context.cookies(emulator.httpsUrl)).some((c) => c.name === 'cognito' && c.secure),
      'the hosted UI session cookie is Secure over TLS',
    );

    // Local sign-out of a redirect session: Amplify revokes the refresh token, then sends the browser to /logout.
    await startNavigation<AmplifyPage>(page, 'signOut');
    await page.waitForURL((url) => url.href.startsWith(pageUrl) && flow.requested.some((u) => u.startsWith(`${emulator.httpsUrl}/logout`)));
    await pageReady(page);
    t.equal(flow.operations.at(-1), 'RevokeToken', 'the refresh token was revoked first');
    const logout = new URL(flow.requested.find((u) => u.startsWith(`${emulator.httpsUrl}/logout`)) ?? '');
    t.equal(logout.searchParams.get('client_id'), AMPLIFY_CLIENT);
    t.equal(logout.searchParams.get('logout_uri'), pageUrl);
    t.notOk(
      (await flow.context.cookies(emulator.httpsUrl)).some((c) => c.name === 'cognito'),
      'the hosted UI session ended',
    );
    await t.rejects(amplify(page, 'currentUser'), /UserUnAuthenticatedException/, 'signed out in the app');
    t.strictSame(
      flow.requested.filter((u) => ![app.origin, emulator.httpsUrl].includes(new URL(u).origin)),
      [],
      'nothing but the app and the HTTPS port was contacted',
    );
  });
}
