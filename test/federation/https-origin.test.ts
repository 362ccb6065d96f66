// The federation URLs the emulator hands the browser follow the origin the authorize request came
// in on, over real sockets: on the TLS listener the emulated provider page, the redirect_uri sent
// upstream and the return to /oauth2/idpresponse stay on https; on the plain port they stay on
// PUBLIC_URL (upstream providers register Cognito's idpresponse under that one origin).
import t, { type Test } from 'tap';
import { Agent, fetch as undiciFetch } from 'undici';
import { CALLBACK } from '../helpers/fixtures/index.js';
import { startHttpsEmulator } from '../helpers/start-https-emulator.js';
import { DOWN_CLIENT, downstreamFixture } from '../helpers/federation.js';

const emulator = await startHttpsEmulator(t, downstreamFixture());
const dispatcher = new Agent({ connect: { ca: emulator.ca.pem } });
t.teardown(() => dispatcher.close());
// Only ever the loopback address the emulator listens on (its certificate names it too).
const httpsBase = `https://127.0.0.1:${new URL(emulator.httpsUrl).port}`;
const plainBase = emulator.url.replace('localhost', '127.0.0.1');
// PUBLIC_URL names localhost: requests go to 127.0.0.1, where the emulator listens.
const send = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  undiciFetch(url.replace(/^(https?:\/\/)localhost:/, '$1127.0.0.1:'), { ...init, redirect: 'manual', dispatcher });
const location = (res: { status: number; headers: { get(name: string): string | null } }) => {
  if (res.status !== 302) throw new Error(`expected a 302, got ${res.status}`);
  return new URL(res.headers.get('location') ?? '');
};

/** Starts a Google sign-in at `base`, picks the emulated identity, and returns each Location on the way. */
async function googleSignIn(t: Test, base: string) {
  const authorize = `${base}/oauth2/authorize?${new URLSearchParams({
    client_id: DOWN_CLIENT,
    response_type: 'code',
    redirect_uri: CALLBACK,
    scope: 'openid email',
    identity_provider: 'Google',
    state: 'xyz',
  })}`;
  const pageUrl = location(await send(authorize));
  const page = await send(pageUrl.href);
  t.equal(page.status, 200, 'the emulated page is served where the browser was sent');
  const html = await page.text();
  t.match(html, /<form method="post" action="\/_emulator\/idp\/authorize"/, 'its forms post to the origin the page is on');
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const back = location(
    await send(pageUrl.href.split('?')[0] ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `XSRF-TOKEN=${xsrf}` },
      body: new URLSearchParams({ _csrf: xsrf, state: pageUrl.searchParams.get('state') ?? '', identity: '0' }).toString(),
    }),
  );
  const app = location(await send(back.href));
  return { pageUrl, back, app };
}

t.test('on the HTTPS port: emulated page, redirect_uri and the return to idpresponse stay on https', async (t) => {
  const { pageUrl, back, app } = await googleSignIn(t, httpsBase);
  t.equal(pageUrl.origin + pageUrl.pathname, `${httpsBase}/_emulator/idp/authorize`);
  t.equal(
    pageUrl.searchParams.get('redirect_uri'),
    `${httpsBase}/oauth2/idpresponse`,
    'the redirect_uri sent upstream is the https idpresponse',
  );
  t.equal(back.origin + back.pathname, `${httpsBase}/oauth2/idpresponse`, 'the provider page returns to the https idpresponse');
  t.equal(app.origin + app.pathname, CALLBACK, 'the sign-in completes to the app');
  t.ok(app.searchParams.get('code'));
  t.equal(app.searchParams.get('state'), 'xyz');
});

t.test('on the plain port: PUBLIC_URL, as before', async (t) => {
  const { pageUrl, back, app } = await googleSignIn(t, plainBase);
  t.equal(pageUrl.origin + pageUrl.pathname, `${emulator.url}/_emulator/idp/authorize`);
  t.equal(pageUrl.searchParams.get('redirect_uri'), `${emulator.url}/oauth2/idpresponse`);
  t.equal(back.origin + back.pathname, `${emulator.url}/oauth2/idpresponse`);
  t.equal(app.origin + app.pathname, CALLBACK);
  t.ok(app.searchParams.get('code'));
});
