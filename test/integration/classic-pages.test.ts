// Browser scripts written the way public suites for real Cognito's classic hosted UI are written
// (XPath on the exact container classes, `(//input[@id='signInFormUsername'])[2]` for the desktop
// copy, `:visible` filters, `@type='Submit'`, getByRole, a phone-sized viewport), run unchanged in
// chromium: sign-in, sign-up + confirmation, forgotten password. One browser for the whole file.
import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import { APP_ORIGIN, chromiumMissing, launchChromium, startStubApp, type StubApp } from '../helpers/chromium.js';
import { CALLBACK, PASSWORD, POOL_ID, PUBLIC_CLIENT, verifyingFixture } from '../helpers/fixtures/index.js';

import { testEmulator, type ListeningEmulator } from '../helpers/harness.js';

const DESKTOP = 'modal-content background-customizable modal-content-desktop visible-md visible-lg';
const MOBILE = 'modal-content background-customizable modal-content-mobile visible-xs visible-sm';
const PHONE = { width: 375, height: 667 };
const LAPTOP = { width: 1280, height: 800 };

if (chromiumMissing(t) === undefined) await classicPageScripts();

async function classicPageScripts(): Promise<void> {
  const server: ListeningEmulator = await testEmulator(t, { listen: true, fixture: verifyingFixture() });
  const stub: StubApp = await startStubApp(t);
  const browser: Browser = await launchChromium(t, stub);

  const authorizeUrl = (state: string) =>
    `${server.url}/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: PUBLIC_CLIENT,
      redirect_uri: CALLBACK,
      scope: 'openid email',
      state,
    })}`;

  async function open(viewport: { width: number; height: number }, state: string): Promise<Page> {
    const context = await browser.newContext({ viewport });
    t.teardown(() => context.close());
    const page = await context.newPage();
    await page.goto(authorizeUrl(state));
    return page;
  }

  /** The code the emulator "sent" last to this user, read through the test-control API. */
  async function lastCode(username: string): Promise<string> {
    const res = await fetch(`${server.url}/_emulator/messages?userPoolId=${POOL_ID}&username=${encodeURIComponent(username)}`);
    const { Messages } = (await res.json()) as { Messages: Array<{ code?: string }> };
    return Messages.at(-1)?.code ?? '';
  }

  const reachedApp = (state: string) => stub.requests.find((u) => u.searchParams.get('state') === state);

  t.test('desktop: XPath on the exact container class and the second copy', async (t) => {
    const page = await open(LAPTOP, 'xpath-1');
    t.equal(await page.title(), 'Signin');
    const desktop = page.locator(`xpath=//div[@class='${DESKTOP}']`);
    t.equal(await desktop.count(), 1, 'the desktop container, matched by its exact class string');
    t.ok(await desktop.isVisible(), 'visible on a laptop');
    t.ok(await page.locator(`xpath=//div[@class='${MOBILE}']`).isHidden(), 'the mobile copy is hidden');
    t.equal(
      (await desktop.locator("xpath=.//span[@class='textDescription-customizable ']").textContent())?.trim(),
      'Sign in with your username and password',
    );

    await page.locator("xpath=(//input[@id='signInFormUsername'])[2]").fill('alice');
    t.equal(
      await page.locator("xpath=(//input[@id='signInFormUsername'])[1]").inputValue(),
      'alice',
      'typed into one copy, synced into the other',
    );
    await page.locator("xpath=(//input[@id='signInFormPassword'])[2]").fill('wrong-Passw0rd!');
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator("xpath=(//input[@name='signInSubmitButton' and @type='Submit'])[2]").click(),
    ]);
    const error = page.locator("xpath=//form[@name='cognitoSignInForm']/p[@id='loginErrorMessage']").nth(1);
    t.equal((await error.textContent())?.trim(), 'Incorrect username or password.');

    await page.locator("xpath=(//input[@id='signInFormPassword'])[2]").fill(PASSWORD);
    await Promise.all([
      page.waitForURL(`${APP_ORIGIN}/**`),
      page.locator("xpath=(//input[@name='signInSubmitButton' and @type='Submit'])[2]").click(),
    ]);
    t.ok(reachedApp('xpath-1')?.searchParams.get('code'), 'back at the app with a code');
  });

  t.test('phone: the first copy, :visible selectors and accessible names', async (t) => {
    const page = await open(PHONE, 'phone-1');
    t.ok(await page.locator(`xpath=//div[@class='${MOBILE}']`).isVisible(), 'the mobile copy shows on a phone');
    t.ok(await page.locator(`xpath=//div[@class='${DESKTOP}']`).isHidden(), 'the desktop copy does not');
    t.equal(await page.locator('form[name="cognitoSignInForm"]:visible').count(), 1);
    // Accessible names resolve to the one visible copy (Playwright's strict mode would throw on two).
    await page.getByRole('textbox', { name: 'Username' }).fill('alice');
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.getByRole('button', { name: 'submit' }).click()]);
    t.ok(reachedApp('phone-1'), 'signed in from the phone layout');
  });

  t.test('exactly one copy is visible at every Bootstrap breakpoint edge', async (t) => {
    const page = await open(LAPTOP, 'widths');
    for (const width of [320, 767, 768, 991, 992, 1199, 1200, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      t.equal(await page.locator('form[name="cognitoSignInForm"]:visible').count(), 1, `${width}px: one visible form`);
      t.equal(await page.locator('input[name="signInSubmitButton"]:visible').count(), 1, `${width}px: one visible button`);
    }
  });

  t.test('sign up, read the code, confirm, and arrive at the app', async (t) => {
    const page = await open(LAPTOP, 'signup-1');
    await Promise.all([page.waitForURL('**/signup?**'), page.locator('a:visible', { hasText: 'Sign up' }).click()]);
    await page.locator('input[name="username"]:visible').fill('walter');
    await page.locator('input[name="requiredAttributes[email]"]:visible').fill('walter@example.com');
    await page.locator('input[name="password"]:visible').fill('Passw0rd!');
    await Promise.all([page.waitForURL('**/confirm?**'), page.locator('button[name="signUpButton"]:visible').click()]);
    t.match(await page.locator('#text-code:visible').textContent(), /We have sent a code by email to w\*\*\*@e\*\*\*/);
    await page.locator('#verification_code:visible').fill(await lastCode('walter'));
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.locator('button[name="confirm"]:visible').click()]);
    const callback = reachedApp('signup-1');
    t.ok(callback?.searchParams.get('code'), 'confirmed, signed in, back at the app with a code');
    const token = await fetch(`${server.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: PUBLIC_CLIENT,
        code: callback?.searchParams.get('code') ?? '',
        redirect_uri: CALLBACK,
      }),
    });
    const id = JSON.parse(
      Buffer.from(String(((await token.json()) as { id_token?: string }).id_token).split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;
    t.match(id, { 'cognito:username': 'walter', email: 'walter@example.com', email_verified: true });
  });

  t.test('phone: forgot the password, reset it with the emailed code, sign in with the new one', async (t) => {
    const page = await open(PHONE, 'forgot-1');
    await Promise.all([
      page.waitForURL('**/forgotPassword?**'),
      page.locator('a.redirect-customizable:visible', { hasText: 'Forgot your password?' }).click(),
    ]);
    t.equal((await page.locator('h1:visible').textContent())?.trim(), 'Forgot your password?');
    await page.locator('#username:visible').fill('alice');
    await Promise.all([page.waitForURL('**/confirmForgotPassword?**'), page.locator('button[name="reset_my_password"]:visible').click()]);
    await page.locator('#forgot_password_code:visible').fill(await lastCode('alice'));
    await page.locator('#new_password:visible').fill('N3w-Passw0rd!');
    await page.locator('#confirm_password:visible').fill('N3w-Passw0rd!');
    await Promise.all([page.waitForURL('**/login?**'), page.locator('button[name="reset_password"]:visible').click()]);
    await page.locator('#signInFormUsername:visible').fill('alice');
    await page.locator('#signInFormPassword:visible').fill('N3w-Passw0rd!');
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.locator('input[name="signInSubmitButton"]:visible').click()]);
    t.ok(reachedApp('forgot-1'), 'signed in with the new password');
  });
}
