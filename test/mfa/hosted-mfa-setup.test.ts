// The hosted MFA choice and set-up pages in Chromium (Debian's chromium, playwright-core): a user
// with two factors and no preference chooses one; a user of a pool that requires MFA sets up an
// authenticator app (QR code shown, secret read from "Show secret key", the code computed from it
// with otpauth as an authenticator app would) or an email address, and only then gets a browser
// session and the app its code, which is redeemed at /oauth2/token.
import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { APP_ORIGIN, chromiumMissing, launchChromium, startStubApp } from '../helpers/chromium.js';
import { testEmulator } from '../helpers/harness.js';
import {
  CALLBACK,
  MFA_CLIENT,
  MFA_POOL,
  PASSWORD,
  REQUIRED_CLIENT,
  REQUIRED_POOL,
  TOTP_SECRET,
  mfaFixtureWithEmailSetup,
} from '../helpers/fixtures/index.js';

const authenticatorCode = (secret: string, now: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: now });

if (chromiumMissing(t) === undefined) {
  const server = await testEmulator(t, { listen: true, fixture: mfaFixtureWithEmailSetup() });
  const stub = await startStubApp(t);
  const browser: Browser = await launchChromium(t, stub);
  const lastCode = (pool: string, username: string) =>
    server.deps.messages
      .find({ userPoolId: pool })
      .filter((m) => m.username === username)
      .at(-1)?.code ?? '';

  async function signIn(clientId: string, username: string, state: string): Promise<{ page: Page; session: () => Promise<boolean> }> {
    const context = await browser.newContext();
    t.teardown(() => context.close());
    const page = await context.newPage();
    await page.goto(
      `${server.url}/oauth2/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: CALLBACK,
        scope: 'openid email',
        state,
      })}`,
    );
    const form = page.locator('form[name="cognitoSignInForm"]:visible');
    await form.locator('#signInFormUsername').fill(username);
    await form.locator('#signInFormPassword').fill(PASSWORD);
    await Promise.all([page.waitForLoadState('load'), form.locator('input[name="signInSubmitButton"]').click()]);
    const session = async () => (await context.cookies(server.url)).some((c) => c.name === 'cognito');
    return { page, session };
  }

  /** The app got a code for `state`, and the code buys tokens for `clientId`. */
  async function redeemed(clientId: string, state: string): Promise<Record<string, unknown>> {
    const callback = stub.requests.at(-1);
    t.equal(callback?.searchParams.get('state'), state);
    const res = await fetch(`${server.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        redirect_uri: CALLBACK,
        code: callback?.searchParams.get('code') ?? '',
      }),
    });
    t.equal(res.status, 200, 'the code is redeemed');
    return (await res.json()) as Record<string, unknown>;
  }

  t.test("SELECT_MFA_TYPE: the choice page, then the chosen factor's code page", async (t) => {
    server.clock.offsetMs += 90_000;
    const { page, session } = await signIn(MFA_CLIENT, 'multi', 'c1');
    await page.waitForSelector('form[name="cognitoMfaOptionForm"]:visible');
    t.match(await page.textContent('.textDescription-customizable:visible'), 'Choose a multi-factor authentication (MFA) method');
    t.same(await page.locator('form[name="cognitoMfaOptionForm"]:visible button[name="mfa_type"]').allTextContents(), [
      'SMS',
      'Authenticator app',
    ]);
    t.equal(await session(), false, 'no session before the second factor');
    await Promise.all([page.waitForLoadState('load'), page.click('#mfaTypeTotp:visible')]);
    await page.fill('#totpCodeInput:visible', authenticatorCode(TOTP_SECRET, server.clock.now()));
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('input[type="submit"]:visible')]);
    t.equal(await session(), true, 'the session starts after the code');
    t.ok((await redeemed(MFA_CLIENT, 'c1')).access_token);
  });

  t.test('SELECT_MFA_TYPE choosing SMS: the masked number and the code sent', async (t) => {
    server.clock.offsetMs += 90_000;
    const { page } = await signIn(MFA_CLIENT, 'multi', 'c2');
    await Promise.all([page.waitForLoadState('load'), page.click('#mfaTypeSms:visible')]);
    t.equal(await page.textContent('[data-testid="mfa-destination"]:visible'), '+*******0100');
    await page.fill('#smsCodeInput:visible', lastCode(MFA_POOL, 'multi'));
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('input[type="submit"]:visible')]);
    await redeemed(MFA_CLIENT, 'c2');
  });

  t.test('MFA_SETUP: set up an authenticator app from the QR code page, then sign in with it', async (t) => {
    server.clock.offsetMs += 90_000;
    const { page, session } = await signIn(REQUIRED_CLIENT, 'newbie', 's1');
    await Promise.all([page.waitForLoadState('load'), page.click('#mfaTypeTotp:visible')]);
    t.match(await page.textContent('.textDescription-customizable:visible'), 'Set up authenticator app MFA');
    const qr = page.locator('#totpQrCode:visible');
    // An <img> in the page (the DOM types are not part of this project's TypeScript setup).
    const drawn = await qr.evaluate((el) => {
      const img = el as unknown as { complete: boolean; naturalWidth: number };
      return img.complete && img.naturalWidth > 0;
    });
    t.ok(drawn, 'the QR code is drawn (CSP allows it; no network)');
    t.equal(await page.locator('#totpSecretKey:visible').count(), 0, 'the secret is behind "Show secret key"');
    await page.click('#showSecretKey:visible');
    const secret = (await page.textContent('#totpSecretKey:visible')) ?? '';
    t.match(secret, /^[A-Z2-7]{32}$/);
    await page.fill('#totpCodeInput:visible', '000000');
    await Promise.all([page.waitForLoadState('load'), page.click('input[type="submit"]:visible')]);
    t.match(await page.textContent('#mfaSetupErrorMessage:visible'), 'Code mismatch');
    t.equal(await session(), false, 'no session while the set-up is unfinished');
    await page.click('#showSecretKey:visible');
    t.equal(await page.textContent('#totpSecretKey:visible'), secret, 'the same secret after a wrong code');
    await page.fill('#totpCodeInput:visible', authenticatorCode(secret, server.clock.now()));
    await page.fill('#totpDeviceName:visible', 'My <phone>');
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('input[type="submit"]:visible')]);
    t.equal(await session(), true);
    t.ok((await redeemed(REQUIRED_CLIENT, 's1')).id_token);
    const user = server.deps.store.getUser(REQUIRED_POOL, 'newbie');
    t.same(user?.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
    t.equal(user?.SoftwareToken?.FriendlyDeviceName, 'My <phone>');

    server.clock.offsetMs += 90_000;
    const again = await signIn(REQUIRED_CLIENT, 'newbie', 's2');
    await again.page.waitForSelector('#totpCodeInput:visible');
    t.equal(await again.page.locator('form[name="cognitoMfaForm"]:visible').count(), 1, "the next sign-in asks for the app's code");
    await again.page.fill('#totpCodeInput:visible', authenticatorCode(secret, server.clock.now()));
    await Promise.all([again.page.waitForURL(`${APP_ORIGIN}/**`), again.page.click('input[type="submit"]:visible')]);
    await redeemed(REQUIRED_CLIENT, 's2');
  });

  t.test('MFA_SETUP: set up email, then the code sent to the new address', async (t) => {
    const { page, session } = await signIn(REQUIRED_CLIENT, 'newbie2', 'e1');
    await Promise.all([page.waitForLoadState('load'), page.click('#mfaTypeEmail:visible')]);
    t.match(await page.textContent('.textDescription-customizable:visible'), 'Set up email MFA');
    await page.fill('#emailSetupInput:visible', 'second@example.com');
    await Promise.all([page.waitForLoadState('load'), page.click('input[type="submit"]:visible')]);
    t.equal(await page.textContent('[data-testid="mfa-destination"]:visible'), 's***@e***', 'the new address, masked');
    t.equal(await session(), false);
    await page.fill('#smsCodeInput:visible', lastCode(REQUIRED_POOL, 'newbie2'));
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('input[type="submit"]:visible')]);
    await redeemed(REQUIRED_CLIENT, 'e1');
    const user = server.deps.store.getUser(REQUIRED_POOL, 'newbie2');
    t.equal(user?.Attributes.email, 'second@example.com');
    t.same(user?.UserMFASettingList, ['EMAIL_OTP']);
  });
}
