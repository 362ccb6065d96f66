// The hosted sign-in page in a real browser (Debian's chromium driven by playwright-core), with
// the selectors that E2E suites written against real Cognito use (input#signInFormUsername, …). The
// app's callback is a stub on 127.0.0.1 (test/helpers/chromium.ts says why).
import t, { type Test } from 'tap';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { APP_ORIGIN, chromiumMissing, launchChromium, startStubApp } from '../helpers/chromium.js';
import { testEmulator } from '../helpers/harness.js';
import { CALLBACK, PASSWORD, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';

if (chromiumMissing(t) === undefined) await browserTests();

async function browserTests(): Promise<void> {
  const server = await testEmulator(t, { listen: true });
  const emulatorOrigin = new URL(server.url).origin;
  const stub = await startStubApp(t);
  const browser: Browser = await launchChromium(t, stub);

  interface Session {
    context: BrowserContext;
    page: Page;
    /** Every URL the page requested, in order. */
    requested: string[];
    /** Requests that reached the app's callback during this session. */
    callbacks: () => URL[];
    /** Requests to anything but the emulator and the app (there must be none). */
    foreign: string[];
  }

  async function newSession(t: Test): Promise<Session> {
    const context = await browser.newContext();
    t.teardown(() => context.close());
    const requested: string[] = [];
    const foreign: string[] = [];
    const firstCallback = stub.requests.length;
    const page = await context.newPage();
    page.on('request', (r) => {
      requested.push(r.url());
      const origin = new URL(r.url()).origin;
      if (origin !== emulatorOrigin && origin !== APP_ORIGIN) foreign.push(r.url());
    });
    // Tests in this file run one after another, so the stub's new requests belong to this session.
    const callbacks = () => stub.requests.slice(firstCallback);
    return { context, page, requested, callbacks, foreign };
  }

  const authorizeUrl = (state: string, extra: Record<string, string> = {}) => {
    const url = new URL('/oauth2/authorize', server.url);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: PUBLIC_CLIENT,
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      state,
      ...extra,
    }).toString();
    return url.href;
  };

  async function redeem(code: string): Promise<{ id: Record<string, unknown>; body: Record<string, unknown> }> {
    const res = await fetch(`${server.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: PUBLIC_CLIENT, code, redirect_uri: CALLBACK }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${JSON.stringify(body)}`);
    const id = JSON.parse(Buffer.from(String(body.id_token).split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    return { id, body };
  }

  const signInForm = (page: Page) => page.locator('form[name="cognitoSignInForm"]:visible');

  t.test("sign in with Cognito's selectors, then the session skips the page", async (t) => {
    const s = await newSession(t);
    const { page } = s;
    await page.goto(authorizeUrl('state-1', { nonce: 'n-1' }));
    t.equal(new URL(page.url()).pathname, '/login', 'authorize redirected to the hosted page');
    t.equal(await page.title(), 'Signin');

    const form = signInForm(page);
    t.equal(await form.count(), 1, 'form[name=cognitoSignInForm]:visible finds the visible form');
    const csrf = await form.locator('input[name="_csrf"]').inputValue();
    const xsrf = (await s.context.cookies(server.url)).find((c) => c.name === 'XSRF-TOKEN');
    t.equal(csrf, xsrf?.value, '_csrf equals the XSRF-TOKEN cookie');
    t.equal(xsrf?.httpOnly, true);

    await form.locator('#signInFormUsername').fill('alice');
    await form.locator('#signInFormPassword').fill(PASSWORD);
    if (process.env.SIGNIN_SCREENSHOT) await page.screenshot({ path: process.env.SIGNIN_SCREENSHOT, fullPage: true });
    const submit = form.locator('input[name="signInSubmitButton"][value="Sign in"]');
    t.equal(await submit.getAttribute('type'), 'Submit', 'type="Submit", capitalised as Cognito writes it');
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), submit.click()]);

    t.equal(s.callbacks().length, 1, 'the browser went to the app once');
    const callback = s.callbacks()[0];
    t.equal(callback ? callback.origin + callback.pathname : undefined, CALLBACK);
    t.equal(callback?.searchParams.get('state'), 'state-1');
    const code = callback?.searchParams.get('code') ?? '';
    t.match(code, /^[0-9a-f-]{36}$/);
    t.equal(await page.textContent('#app'), 'Signed in', 'the routed callback page is shown');

    const { id, body } = await redeem(code);
    t.equal(id['cognito:username'], 'alice');
    t.equal(id.aud, PUBLIC_CLIENT);
    t.equal(id.iss, `${server.url}/${POOL_ID}`);
    t.equal(id.nonce, 'n-1');
    t.equal(body.token_type, 'Bearer');

    const session = (await s.context.cookies(server.url)).find((c) => c.name === 'cognito');
    t.ok(session?.value, 'the cognito session cookie is set');
    t.equal(session?.httpOnly, true);
    t.equal(session?.sameSite, 'Lax');
    t.ok(
      session && session.expires > Date.now() / 1000 + 3500 && session.expires <= Date.now() / 1000 + 3601,
      'the session lasts one hour',
    );

    // Second authorize with the session: straight to the callback, no /login page.
    const before = s.requested.length;
    await page.goto(authorizeUrl('state-2'));
    const second = s.requested.slice(before).map((u) => new URL(u));
    t.strictSame(
      second.map((u) => u.origin + u.pathname),
      [`${server.url}/oauth2/authorize`, CALLBACK],
      'no hosted page in between',
    );
    const again = s.callbacks()[1];
    t.equal(again?.searchParams.get('state'), 'state-2');
    const code2 = again?.searchParams.get('code') ?? '';
    t.not(code2, code, 'a fresh code');
    const second2 = await redeem(code2);
    t.equal(second2.id['cognito:username'], 'alice');
    t.equal(second2.id.auth_time, id.auth_time, 'auth_time is the time of the original sign-in');
    t.strictSame(s.foreign, [], 'the browser asked for nothing outside the emulator and the app');
  });

  t.test("wrong password shows Cognito's message and keeps the username", async (t) => {
    const { page, callbacks } = await newSession(t);
    await page.goto(authorizeUrl('state-3'));
    const form = signInForm(page);
    await form.locator('#signInFormUsername').fill('alice');
    await form.locator('#signInFormPassword').fill('not-the-password');
    await Promise.all([page.waitForLoadState('load'), form.locator('input[name="signInSubmitButton"][value="Sign in"]').click()]);
    await page.waitForSelector('#loginErrorMessage:visible');
    t.equal((await page.textContent('#loginErrorMessage:visible'))?.trim(), 'Incorrect username or password.');
    t.equal(new URL(page.url()).pathname, '/login');
    t.equal(await signInForm(page).locator('#signInFormUsername').inputValue(), 'alice');
    t.equal(await signInForm(page).locator('#signInFormPassword').inputValue(), '', 'the password is not echoed back');
    t.equal(callbacks().length, 0, 'no redirect to the app');

    // The form still works after the error: the right password gets through.
    await signInForm(page).locator('#signInFormPassword').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), signInForm(page).locator('input[name="signInSubmitButton"]').click()]);
    t.equal(callbacks()[0]?.searchParams.get('state'), 'state-3');
  });

  t.test('FORCE_CHANGE_PASSWORD user chooses a new password, then reaches the app', async (t) => {
    const { page, callbacks } = await newSession(t);
    await page.goto(authorizeUrl('state-4'));
    const form = signInForm(page);
    await form.locator('#signInFormUsername').fill('bob');
    await form.locator('#signInFormPassword').fill('TempPassw0rd!');
    await Promise.all([page.waitForLoadState('load'), form.locator('input[name="signInSubmitButton"][value="Sign in"]').click()]);
    await page.waitForSelector('#new_password:visible');
    t.equal(await page.title(), 'Signin', 'every classic page is titled Signin');
    t.equal(callbacks().length, 0, 'not signed in yet');

    // Mismatched confirmation is refused on the page.
    await page.fill('#new_password:visible', 'NewPassw0rd!');
    await page.fill('#confirm_password:visible', 'Different0rd!');
    await Promise.all([page.waitForLoadState('load'), page.click('button[name=reset_password]:visible')]);
    await page.waitForSelector('#newPasswordErrorMessage:visible');
    t.equal((await page.textContent('#newPasswordErrorMessage:visible'))?.trim(), 'Passwords do not match.');

    await page.fill('#new_password:visible', 'NewPassw0rd!');
    await page.fill('#confirm_password:visible', 'NewPassw0rd!');
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('button[name=reset_password]:visible')]);
    t.equal(callbacks().length, 1);
    t.equal(callbacks()[0]?.searchParams.get('state'), 'state-4');
    const { id } = await redeem(callbacks()[0]?.searchParams.get('code') ?? '');
    t.equal(id['cognito:username'], 'bob');
    t.equal(id.email, 'bob@example.com');
    t.equal(server.deps.store.getUser(POOL_ID, 'bob')?.UserStatus, 'CONFIRMED');
  });
}
