// Federation in Chromium (Debian's chromium, playwright-core): the downstream emulator sends the
// browser to the upstream emulator (a real OIDC provider) and to the emulated Google page. The app
// behind http://localhost:3000/callback is a stub on 127.0.0.1 reached through
// --host-resolver-rules (see test/integration/browser.test.ts for why page.route cannot do it).
import t from 'tap';
import { decodeJwt } from 'jose';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchChromium, startStubApp } from '../helpers/chromium.js';
import { CALLBACK, PASSWORD, POOL_ID } from '../helpers/fixtures/index.js';
import { DOWN_CLIENT, DOWN_POOL, GOOGLE_SUB, authorizeUrl, startPair } from '../helpers/federation.js';

if (chromiumMissing(t) === undefined) await browserTests();

async function browserTests(): Promise<void> {
  const { up, down } = await startPair(t);
  const stub = await startStubApp(t);
  const callbacks = stub.requests;
  const browser = await launchChromium(t, stub);

  const session = async (): Promise<Page> => {
    const context = await browser.newContext();
    t.teardown(() => context.close());
    const page = await context.newPage();
    page.on('request', (r) => {
      const origin = new URL(r.url()).origin;
      if (![up.url, down.url, 'http://localhost:3000'].includes(origin)) throw new Error(`request outside the test: ${r.url()}`);
    });
    return page;
  };
  const redeem = async (callback: URL | undefined): Promise<Record<string, unknown>> => {
    const response = await fetch(`${down.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: DOWN_CLIENT,
        redirect_uri: CALLBACK,
        code: callback?.searchParams.get('code') ?? '',
      }),
    });
    return decodeJwt(((await response.json()) as { id_token: string }).id_token);
  };
  const finish = async (page: Page, click: () => Promise<void>): Promise<URL | undefined> => {
    const before = callbacks.length;
    await Promise.all([page.waitForURL('http://localhost:3000/**'), click()]);
    t.equal(callbacks.length, before + 1, 'the app got one callback');
    return callbacks[callbacks.length - 1];
  };

  t.test("identity_provider=Upstream: the upstream emulator's hosted page, then back to the app", async (t) => {
    const page = await session();
    await page.goto(authorizeUrl(down, { identity_provider: 'Upstream', state: 'browser-1' }).href);
    t.equal(new URL(page.url()).origin, up.url, 'the browser is on the upstream provider');
    const form = page.locator('form[name="cognitoSignInForm"]:visible');
    await form.locator('#signInFormUsername').fill('alice');
    await form.locator('#signInFormPassword').fill(PASSWORD);
    const callback = await finish(page, () => form.locator('input[name="signInSubmitButton"]').click());
    t.equal(callback?.searchParams.get('state'), 'browser-1');
    const claims = await redeem(callback);
    const aliceSub = up.deps.store.getUser(POOL_ID, 'alice')?.Attributes.sub;
    t.equal(claims['cognito:username'], `upstream_${aliceSub}`);
    t.strictSame(claims['cognito:groups'], [`${DOWN_POOL}_Upstream`]);
    t.match(claims.identities, [{ providerName: 'Upstream', providerType: 'OIDC', userId: aliceSub, primary: 'true' }]);
  });

  t.test('identity_provider=Google: the emulated page, a predefined identity, then a typed one', async (t) => {
    const page = await session();
    await page.goto(authorizeUrl(down, { identity_provider: 'Google', state: 'browser-2' }).href);
    t.match(await page.getByTestId('emulated-notice').textContent(), 'served by cognito-emulator in place of the Google identity provider');
    const picked = await finish(page, () => page.getByTestId(`emulated-pick-${GOOGLE_SUB}`).click());
    t.equal(picked?.searchParams.get('state'), 'browser-2');
    t.equal((await redeem(picked))['cognito:username'], `google_${GOOGLE_SUB}`);

    await page.goto(authorizeUrl(down, { identity_provider: 'Google', state: 'browser-3' }).href);
    await page.getByTestId('emulated-sub').fill('typed-1');
    await page.getByTestId('emulated-email').fill('typed@example.com');
    await page.getByTestId('emulated-claims').fill('hd=typed.example');
    const typed = await finish(page, () => page.getByTestId('emulated-submit').click());
    const claims = await redeem(typed);
    t.equal(claims['cognito:username'], 'google_typed-1');
    t.equal(claims.email, 'typed@example.com');
    t.equal(claims['custom:team'], 'typed.example');
  });

  t.test("the hosted page's buttons: Google (emulated) and the corporate Upstream provider", async (t) => {
    const page = await session();
    await page.goto(authorizeUrl(down, { state: 'browser-4', nonce: 'n-4' }).href);
    t.equal(new URL(page.url()).pathname, '/login');
    t.equal(await page.locator('span.idpDescription-customizable:visible').first().textContent(), 'Sign In with your social account');
    t.same(await page.locator('.idpButton-customizable:visible').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('value'))), [
      'Upstream',
      'Corp',
    ]);
    await page.locator('button[name="googleSignUpButton"]:visible').click();
    await page.waitForURL(`${down.url}/_emulator/idp/authorize?**`);
    const google = await finish(page, () => page.getByTestId(`emulated-pick-${GOOGLE_SUB}`).click());
    t.equal(google?.searchParams.get('state'), 'browser-4', "the page's own request went on through the button");
    const claims = await redeem(google);
    t.equal(claims.nonce, 'n-4');
    t.equal(claims['cognito:username'], `google_${GOOGLE_SUB}`);

    const fresh = await session();
    await fresh.goto(authorizeUrl(down, { state: 'browser-5' }).href);
    await fresh.locator('form[name="loginWithIdentityProvider"]:visible input[value="Upstream"]').click();
    await fresh.waitForURL(`${up.url}/login?**`);
    const form = fresh.locator('form[name="cognitoSignInForm"]:visible');
    await form.locator('#signInFormUsername').fill('alice');
    await form.locator('#signInFormPassword').fill(PASSWORD);
    const upstream = await finish(fresh, () => form.locator('input[name="signInSubmitButton"]').click());
    t.equal(upstream?.searchParams.get('state'), 'browser-5');
    t.match((await redeem(upstream))['cognito:username'], /^upstream_/);
  });
}
