// SetUICustomization on the classic pages, in chromium: the pool-wide (ALL) CSS and logo on every
// page of a client without its own, a client's own customization winning over ALL, only Cognito's
// customizable properties applied, and nothing refused by the page's CSP.
import { CreateUserPoolDomainCommand, SetUICustomizationCommand } from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchChromium, startStubApp } from '../helpers/chromium.js';
import { CALLBACK, POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { solidPng } from '../helpers/png.js';
import { sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const LAPTOP = { width: 1280, height: 800 };

if (chromiumMissing(t) === undefined) await customizedPages();

async function customizedPages(): Promise<void> {
  const server = await testEmulator(t, { listen: true });
  const browser: Browser = await launchChromium(t, await startStubApp(t));
  const sdk = sdkClient(server.url);
  t.teardown(() => sdk.destroy());

  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: POOL_ID, Domain: 'ui-customization' }));
  await sdk.send(
    new SetUICustomizationCommand({
      UserPoolId: POOL_ID,
      ClientId: 'ALL',
      CSS: `.submitButton-customizable { background-color: rgb(10, 20, 30); height: 50px; }
.banner-customizable { padding: 5px 6px 7px 8px; background-color: #123456; position: fixed; }
.label-customizable { font-weight: 300; }
.logo-customizable { max-width: 50%; }
.inputField-customizable { color: rgb(1, 2, 3); }`,
      ImageFile: solidPng(40, 20),
    }),
  );
  await sdk.send(
    new SetUICustomizationCommand({
      UserPoolId: POOL_ID,
      ClientId: SECRET_CLIENT,
      CSS: '.submitButton-customizable { background-color: rgb(200, 100, 0); }',
    }),
  );

  /** Opens a page for a client, collecting what the browser reports of the CSP. */
  async function open(path: string, clientId: string): Promise<{ page: Page; cspReports: string[] }> {
    const context = await browser.newContext({ viewport: LAPTOP });
    t.teardown(() => context.close());
    const page = await context.newPage();
    const cspReports: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspReports.push(m.text());
    });
    const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, scope: 'openid' });
    await page.goto(`${server.url}${path}?${query}`);
    await page.waitForLoadState('load');
    return { page, cspReports };
  }

  // Runs in the page (the test's own TypeScript has no DOM types).
  type Window = { getComputedStyle(el: unknown): { getPropertyValue(p: string): string } };
  const style = (page: Page, selector: string, property: string) =>
    page
      .locator(`${selector}:visible`)
      .first()
      .evaluate((el, p) => (globalThis as unknown as Window).getComputedStyle(el).getPropertyValue(p), property);

  t.test('a client without its own customization gets the pool-wide CSS and logo on every page', async (t) => {
    for (const path of ['/login', '/signup', '/forgotPassword']) {
      const { page, cspReports } = await open(path, PUBLIC_CLIENT);
      t.equal(await style(page, '.submitButton-customizable', 'background-color'), 'rgb(10, 20, 30)', `${path}: submit button colour`);
      t.equal(await style(page, '.submitButton-customizable', 'height'), '50px', `${path}: submit button height`);
      t.equal(await style(page, '.banner-customizable', 'background-color'), 'rgb(18, 52, 86)', `${path}: banner colour`);
      t.equal(await style(page, '.banner-customizable', 'padding'), '5px 6px 7px 8px', `${path}: banner padding`);
      t.equal(await style(page, '.banner-customizable', 'position'), 'static', `${path}: a property Cognito does not offer is not applied`);
      t.equal(await style(page, '.inputField-customizable', 'color'), 'rgb(1, 2, 3)', `${path}: input text colour`);
      if (path !== '/forgotPassword') t.equal(await style(page, '.label-customizable', 'font-weight'), '300', `${path}: label weight`);
      const logo = page.locator('img.logo-customizable:visible');
      t.equal(await logo.count(), 1, `${path}: one visible logo`);
      t.equal(
        await logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        40,
        `${path}: the uploaded image, loaded`,
      );
      t.equal(
        await logo.evaluate((img) => (img as unknown as { closest(s: string): unknown }).closest('.banner-customizable') !== null),
        true,
        `${path}: in the banner`,
      );
      t.same(cspReports, [], `${path}: nothing refused by the CSP`);
    }
  });

  t.test('a client with its own customization: it wins over ALL, and has no logo of its own', async (t) => {
    const { page, cspReports } = await open('/login', SECRET_CLIENT);
    t.equal(await style(page, '.submitButton-customizable', 'background-color'), 'rgb(200, 100, 0)');
    t.not(await style(page, '.banner-customizable', 'background-color'), 'rgb(18, 52, 86)', "none of ALL's rules");
    t.equal(await page.locator('img.logo-customizable').count(), 0, 'no logo');
    t.same(cspReports, []);
  });
}
