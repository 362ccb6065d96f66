// The hosted MFA code page in Chromium (Debian's chromium, playwright-core): a TOTP user signs in
// with the password, gets the code page (`totpCodeInput`, as scripts written against Cognito
// select it), no browser session until the code is right, then the app gets its code. An SMS user
// gets the same page with the masked number. The app's callback is a stub reached through
// --host-resolver-rules (see test/integration/browser.test.ts for why page.route cannot serve it).
import t from 'tap';
import type { Page } from 'playwright-core';
import { totpCode } from '../../src/mfa/totp.js';
import { chromiumMissing, launchChromium, startStubApp } from '../helpers/chromium.js';
import { CALLBACK, MFA_CLIENT, MFA_POOL, PASSWORD, TOTP_SECRET, mfaFixture } from '../helpers/fixtures/index.js';
import { testEmulator } from '../helpers/harness.js';

if (chromiumMissing(t) === undefined) {
  const server = await testEmulator(t, { listen: true, fixture: mfaFixture() });
  const stub = await startStubApp(t);
  const callbacks = stub.requests;
  const browser = await launchChromium(t, stub);

  const authorize = (state: string) =>
    `${server.url}/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: MFA_CLIENT,
      redirect_uri: CALLBACK,
      scope: 'openid email',
      state,
    })}`;
  async function password(page: Page, username: string): Promise<void> {
    const form = page.locator('form[name="cognitoSignInForm"]:visible');
    await form.locator('#signInFormUsername').fill(username);
    await form.locator('#signInFormPassword').fill(PASSWORD);
    await Promise.all([page.waitForLoadState('load'), form.locator('input[name="signInSubmitButton"]').click()]);
  }

  t.test('TOTP: the code page, a wrong code, then the app', async (t) => {
    const context = await browser.newContext();
    t.teardown(() => context.close());
    const page = await context.newPage();
    await page.goto(authorize('s1'));
    await password(page, 'totp');
    await page.waitForSelector('input[name="authentication_code"]#totpCodeInput:visible');
    t.equal(
      (await context.cookies(server.url)).find((c) => c.name === 'cognito'),
      undefined,
      'no session before the second factor',
    );
    await page.fill('#totpCodeInput:visible', '000000');
    await Promise.all([page.waitForLoadState('load'), page.click('input[type="submit"]:visible')]);
    t.match(await page.textContent('#mfaErrorMessage:visible'), 'Invalid code received for user');
    await page.fill('#totpCodeInput:visible', totpCode(TOTP_SECRET, server.clock.now()));
    await Promise.all([page.waitForURL('http://localhost:3000/**'), page.click('input[type="submit"]:visible')]);
    t.equal(callbacks.at(-1)?.searchParams.get('state'), 's1');
    t.ok(callbacks.at(-1)?.searchParams.get('code'), 'the app got an authorization code');
    t.ok(
      (await context.cookies(server.url)).find((c) => c.name === 'cognito'),
      'the session starts after the code',
    );
  });

  t.test('SMS: the masked number and the code from /_emulator/messages', async (t) => {
    const context = await browser.newContext();
    t.teardown(() => context.close());
    const page = await context.newPage();
    await page.goto(authorize('s2'));
    await password(page, 'sms');
    await page.waitForSelector('#smsCodeInput:visible');
    t.equal(await page.textContent('[data-testid="mfa-destination"]:visible'), '+*******0100');
    const code =
      server.deps.messages
        .find({ userPoolId: MFA_POOL })
        .filter((m) => m.username === 'sms')
        .at(-1)?.code ?? '';
    await page.fill('#smsCodeInput:visible', code);
    await Promise.all([page.waitForURL('http://localhost:3000/**'), page.click('input[type="submit"]:visible')]);
    t.equal(callbacks.at(-1)?.searchParams.get('state'), 's2');
  });
}
