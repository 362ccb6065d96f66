// What the Amplify hosted-UI tests share: the bundled Amplify page served as the app, the emulator
// with a TLS port (Amplify always builds https://{domain}/... URLs, so `domain` is
// localhost:<https port>), Amplify configured for the redirect flow there, and one chromium that
// trusts the emulator's certificate.
import type { Test } from 'tap';
import type { Browser, Page } from 'playwright-core';
import { startHttpsEmulator, type HttpsEmulator } from './start-https-emulator.js';
import { AMPLIFY_CLIENT, POOL_ID } from './fixtures/index.js';
import { bundlePages, call, launchChromium, startApp, trustServedKey, type App } from './browser-app.js';
import type { AmplifyConfig, AmplifyPage } from '../browser/page-api.js';

export interface AmplifyHttps {
  app: App;
  emulator: HttpsEmulator;
  /** The app's Amplify page: its sign-in and sign-out redirect URL. */
  pageUrl: string;
  browser: Browser;
  amplify<K extends keyof AmplifyPage>(
    page: Page,
    name: K,
    ...args: Parameters<AmplifyPage[K]>
  ): Promise<Awaited<ReturnType<AmplifyPage[K]>>>;
}

/** `fixtureFor` builds the pool from the app's origin (its callback URLs). */
export async function startAmplifyHttps(t: Test, fixtureFor: (appOrigin: string) => object): Promise<AmplifyHttps> {
  const app = await startApp(t, await bundlePages(t, ['amplify']));
  const emulator = await startHttpsEmulator(t, fixtureFor(app.origin));
  const https = new URL(emulator.httpsUrl);
  const pageUrl = `${app.origin}/amplify`;
  const config: AmplifyConfig = {
    userPoolId: POOL_ID,
    userPoolClientId: AMPLIFY_CLIENT,
    userPoolEndpoint: emulator.httpsUrl,
    oauth: {
      domain: https.host,
      scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      redirectSignIn: [pageUrl],
      redirectSignOut: [pageUrl],
      responseType: 'code',
    },
  };
  app.config = config;
  const browser = await launchChromium(t, [await trustServedKey(Number(https.port), emulator.ca.pem)]);
  const amplify = <K extends keyof AmplifyPage>(page: Page, name: K, ...args: Parameters<AmplifyPage[K]>) =>
    call<AmplifyPage, K>(page, name, ...args);
  return { app, emulator, pageUrl, browser, amplify };
}
