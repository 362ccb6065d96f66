// What the real-client browser tests share: the page entries (test/browser/pages/*.ts) bundled with
// esbuild into a temp dir, a tiny static server on 127.0.0.1 serving them as the app, and Debian's
// chromium through playwright-core. The app is a real server on its own port, so the browser reaches
// it like any app: no page.route (Playwright would answer the CORS preflights itself and hide what
// the emulator sends).
import t, { type Test } from 'tap';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { LOOPBACK } from './harness.js';

const PAGES = fileURLToPath(new URL('../browser/pages/', import.meta.url));

/**
 * True when chromium is there. Otherwise the file's tests are skipped with the reason written, or,
 * under CI, fail: a missing browser is a broken CI image, never a reason to go green there.
 */
export function haveChromium(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `${CHROMIUM} is not installed (apt-get install -y chromium); ${what} needs it`;
  const underCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
  if (underCi) t.fail(reason);
  else t.test(what, { skip: reason }, async () => {});
  return false;
}

/** Bundles test/browser/pages/<name>.ts for each name into a temp dir (removed when `t` ends). */
export async function bundlePages(t: Test, names: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-pages-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await build({
    entryPoints: names.map((name) => join(PAGES, `${name}.ts`)),
    outdir: dir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
    tsconfig: join(PAGES, 'tsconfig.json'),
  });
  return dir;
}

export interface App {
  /** http://localhost:<port>: localhost is a secure context, so Web Crypto (PKCE, SRP) works. */
  origin: string;
  /** Put into every page as window.appConfig (set it once the emulator's URLs are known). */
  config: object;
}

/**
 * Serves the bundled pages: GET /<name> (any query, e.g. an OAuth callback's ?code=...&state=...)
 * answers an HTML page that sets window.appConfig and loads /<name>.js; GET /<name>.js the bundle.
 * Anything else is a 404.
 */
export async function startApp(t: Test, dir: string): Promise<App> {
  const app = { config: {} } as App;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app.invalid');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const name = /^\/([a-z0-9-]+)(\.js)?$/.exec(url.pathname);
    const script = name ? join(dir, `${name[1]}.js`) : undefined;
    if (req.method !== 'GET' || !name || !script || !existsSync(script)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (name[2]) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(readFileSync(script));
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' })
      .end(
        `<!DOCTYPE html><meta charset="utf-8"><title>${name[1]}</title>` +
          `<script>window.appConfig = ${JSON.stringify(app.config).replace(/</g, '\\u003c')}</script>` +
          `<script type="module" src="/${name[1]}.js"></script>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('app server has no address');
  return Object.assign(app, { origin: `http://localhost:${address.port}` });
}

/**
 * The chromium flag that trusts the emulator's TLS port as a user who trusted its CA would be
 * trusted: the served certificate is fetched over a connection verified against `ca` for the name
 * localhost, and chromium is told to accept exactly its key (base64 SHA-256 of the SPKI).
 * Trusting the CA itself would need an NSS database (certutil, not on the image); Playwright's
 * ignoreHTTPSErrors would accept every certificate for every host, so a wrong one (other names,
 * another CA) would go unnoticed.
 */
export function trustServedKey(port: number, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: LOOPBACK, port, servername: 'localhost', ca }, () => {
      const served = new X509Certificate(socket.getPeerCertificate().raw);
      socket.end();
      const spki = served.publicKey.export({ type: 'spki', format: 'der' });
      resolve(`--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`);
    });
    socket.on('error', reject);
  });
}

/** One chromium for the test file, closed at its end. `args` adds flags (e.g. a trusted SPKI). */
export async function launchChromium(t: Test, args: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...args] });
  t.teardown(() => browser.close());
  return browser;
}

export interface Flow {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requested: string[];
  /** The x-amz-target of every JSON API call the page made (AWSCognitoIdentityProviderService.<Operation>), in order. */
  operations: string[];
  /** Answers >= 400, console errors and uncaught page errors (printed as comments, to say why a test failed). */
  problems: string[];
}

/** A fresh context and page for one flow: no storage or cookies shared with other flows. */
export async function newFlow(t: Test, browser: Browser): Promise<Flow> {
  const context = await browser.newContext();
  t.teardown(() => context.close());
  const page = await context.newPage();
  const requested: string[] = [];
  const operations: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => {
    requested.push(r.url());
    const target = r.headers()['x-amz-target'];
    if (target !== undefined) operations.push(target.replace(/^AWSCognitoIdentityProviderService\./, ''));
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  t.teardown(() => {
    if (problems.length > 0) t.comment(problems.join('\n'));
  });
  return { context, page, requested, operations, problems };
}

/** Waits until the page's entry has put its API on window.app (after any redirect handling). */
export async function pageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as { app?: unknown }).app !== undefined);
}

/**
 * Calls window.app[name](...args) in the page. A rejection comes back as an Error whose message is
 * "<client's error name>: <message>" (the page's wrapper puts the name there; Playwright's prefix
 * and the page's stack are dropped).
 */
export async function call<Api extends { [N in keyof Api]: (...a: never[]) => unknown }, K extends keyof Api>(
  page: Page,
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  try {
    return (await page.evaluate(
      ({ name, args }) => (globalThis as unknown as { app: Record<string, (...a: unknown[]) => unknown> }).app[name]?.(...args),
      { name: String(name), args: args as unknown[] },
    )) as never;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(message.split('\n')[0]?.replace(/^page\.evaluate: Error: /, '') ?? message);
  }
}

/**
 * Calls window.app[name]() for a function that navigates away (a redirect sign-in or sign-out):
 * its promise dies with the page, so it is started, not awaited. A failure before the navigation
 * shows up as a page error in the flow's problems.
 */
export async function startNavigation<Api>(page: Page, name: keyof Api): Promise<void> {
  await page.evaluate((name) => {
    void (globalThis as unknown as { app: Record<string, () => Promise<unknown>> }).app[name]?.();
  }, String(name));
}

/** Fills the classic hosted sign-in page with Cognito's own selectors and submits it. */
export async function signInOnHostedPage(page: Page, username: string, password: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/login');
  const form = page.locator('form[name="cognitoSignInForm"]:visible');
  await form.locator('#signInFormUsername').fill(username);
  await form.locator('#signInFormPassword').fill(password);
  await form.locator('input[name="signInSubmitButton"]').click();
}
