// Debian's chromium driven by playwright-core, for the hosted-page browser tests. The app's
// callback (http://localhost:3000/callback) does not exist, and page.route() cannot stand in for
// it: in Chromium, Playwright never routes the target of a redirect (microsoft/playwright#33882),
// and the callback is only ever reached through the emulator's 302. So chromium maps
// localhost:3000 to a stub app on 127.0.0.1 (--host-resolver-rules): the browser still sees
// http://localhost:3000/callback, and the stub records the code and state it was sent.
// Not a test file itself.
import type { Test } from 'tap';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { CALLBACK } from './fixtures/index.js';
import { LOOPBACK } from './harness.js';

export const CHROMIUM = '/usr/bin/chromium';
export const APP_ORIGIN = new URL(CALLBACK).origin;

/**
 * Why the browser tests cannot run here, or undefined when they can. A missing browser fails the
 * run under CI (a broken image is never a reason to go green) and skips it elsewhere.
 */
export function chromiumMissing(t: Test): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `${CHROMIUM} is not installed (apt-get install -y chromium); the hosted UI browser tests need it`;
  const underCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
  if (underCi) t.fail(reason);
  else t.test('hosted UI in chromium', { skip: reason }, async () => {});
  return reason;
}

export interface StubApp {
  port: number;
  /** Every request that reached /callback, in order. */
  requests: URL[];
}

/** The app behind the callback URL: records every request and answers with a small page. */
export async function startStubApp(t: Test): Promise<StubApp> {
  const requests: URL[] = [];
  const app: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', APP_ORIGIN);
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    requests.push(url);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>App</title><h1 id="app">Signed in</h1>');
  });
  await new Promise<void>((resolve) => app.listen(0, LOOPBACK, resolve));
  t.teardown(() => new Promise<void>((resolve) => app.close(() => resolve())));
  const address = app.address();
  if (!address || typeof address !== 'object') throw new Error('stub app has no address');
  return { port: address.port, requests };
}

/** The flags every test browser runs with: headless Chromium as a root CI job runs it, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** One headless chromium for a whole test file, the app's host mapped to the stub. */
export async function launchChromium(t: Test, stub: StubApp): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${new URL(CALLBACK).host} ${LOOPBACK}:${stub.port}`],
  });
  t.teardown(() => browser.close());
  return browser;
}
