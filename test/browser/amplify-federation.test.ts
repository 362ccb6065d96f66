// Amplify JS v6 signInWithRedirect({ provider: 'Google' }) in chromium against the emulator's HTTPS
// port, with the pool's Google provider served by the emulated provider page: Amplify sends
// identity_provider=Google to https://{domain}/oauth2/authorize, the browser goes straight to the
// emulated Google page (on the same https origin), an identity is picked, /oauth2/idpresponse
// completes to the app, and Amplify exchanges the code. The ID token carries the `identities`
// claim of a federated user; signOut ends it through /logout.
import t from 'tap';
import { decodePart } from '../helpers/flow.js';
import { AMPLIFY_CLIENT, POOL_ID, realClientFixture } from '../helpers/fixtures/index.js';
import { startAmplifyHttps } from '../helpers/amplify-https.js';
import { haveChromium, newFlow, pageReady, startNavigation } from '../helpers/browser-app.js';
import type { AmplifyPage } from './page-api.js';

const GOOGLE_SUB = '108872043930045567212';

/** The real-client pool with an emulated Google provider offered by the Amplify client. */
function googleFixture(appOrigin: string): object {
  const fixture = realClientFixture(appOrigin) as {
    UserPools: Array<Record<string, unknown> & { Clients: Array<Record<string, unknown>> }>;
  };
  const pool = fixture.UserPools[0];
  if (!pool) throw new Error('fixture without a pool');
  pool.IdentityProviders = [
    {
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: { client_id: 'emulated-google-client', authorize_scopes: 'openid email profile' },
      AttributeMapping: { email: 'email', given_name: 'given_name' },
      EmulatedIdentities: [{ sub: GOOGLE_SUB, email: 'gabriel@example.com', given_name: 'Gabriel', email_verified: 'true' }],
    },
  ];
  for (const client of pool.Clients) {
    if (client.ClientId === AMPLIFY_CLIENT) client.SupportedIdentityProviders = ['COGNITO', 'Google'];
  }
  return fixture;
}

if (haveChromium('Amplify signInWithRedirect with Google in chromium')) {
  const { app, emulator, pageUrl, browser, amplify } = await startAmplifyHttps(t, googleFixture);

  t.test('signInWithRedirect({ provider: Google }): emulated Google page, code exchange, identities claim, signOut', async (t) => {
    const flow = await newFlow(t, browser);
    const { page } = flow;
    await page.goto(pageUrl);
    await pageReady(page);
    await startNavigation<AmplifyPage>(page, 'signInWithGoogle');
    await page.waitForURL((url) => url.pathname === '/_emulator/idp/authorize');
    const authorize = new URL(flow.requested.find((u) => u.includes('/oauth2/authorize')) ?? '');
    t.equal(authorize.origin, emulator.httpsUrl, 'Amplify went to https://{domain}/oauth2/authorize');
    t.equal(authorize.searchParams.get('identity_provider'), 'Google');
    const provider = new URL(page.url());
    t.equal(provider.origin, emulator.httpsUrl, 'the emulated Google page is on the HTTPS origin the flow started on');
    t.equal(provider.searchParams.get('redirect_uri'), `${emulator.httpsUrl}/oauth2/idpresponse`);
    await page.getByTestId(`emulated-pick-${GOOGLE_SUB}`).click();

    await page.waitForURL(`${pageUrl}?*`);
    await pageReady(page);
    const events = await amplify(page, 'redirectDone');
    t.ok(events.includes('signInWithRedirect'), `Amplify completed the redirect (Hub: ${events.join(', ')})`);
    t.ok(events.includes('signedIn'));
    t.ok(
      flow.requested.some((u) => u.startsWith(`${emulator.httpsUrl}/oauth2/idpresponse?`)),
      'the provider returned to the HTTPS idpresponse',
    );
    t.ok(flow.requested.includes(`${emulator.httpsUrl}/oauth2/token`), 'the code was exchanged at the HTTPS token endpoint');

    const user = await amplify(page, 'currentUser');
    t.equal(user.username, `google_${GOOGLE_SUB}`, 'the federated user, named as Cognito names it');
    const session = await amplify(page, 'session', false);
    const id = decodePart(session.idToken ?? '', 1);
    t.equal(id.aud, AMPLIFY_CLIENT);
    t.equal(id['cognito:username'], `google_${GOOGLE_SUB}`);
    t.equal(id.email, 'gabriel@example.com', 'mapped from the provider');
    t.match(
      id.identities,
      [{ providerName: 'Google', providerType: 'Google', userId: GOOGLE_SUB, primary: 'true' }],
      'the identities claim',
    );
    t.ok((id['cognito:groups'] as string[] | undefined)?.includes(`${POOL_ID}_Google`), 'in the provider group');
    t.equal(decodePart(session.accessToken ?? '', 1).sub, user.userId);

    await startNavigation<AmplifyPage>(page, 'signOut');
    await page.waitForURL((url) => url.href.startsWith(pageUrl) && flow.requested.some((u) => u.startsWith(`${emulator.httpsUrl}/logout`)));
    await pageReady(page);
    t.equal(flow.operations.at(-1), 'RevokeToken', 'the refresh token was revoked first');
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
