// The emulated provider page (Google, SAML) over HTTP: picking a predefined identity, typing one,
// CSRF, and the /_emulator/federation/select pre-selection for headless tests.
import t from 'tap';
import { decodeJwt } from 'jose';
import { CALLBACK } from '../helpers/fixtures/index.js';
import { testEmulator } from '../helpers/harness.js';
import { cookieHeader, setCookies } from '../helpers/html.js';
import { DOWN_CLIENT, DOWN_POOL, GOOGLE_SUB, authorizeUrl, downstreamFixture, follow } from '../helpers/federation.js';

const down = await testEmulator(t, { listen: true, fixture: downstreamFixture() });

async function openPage(provider: string): Promise<{ page: string; url: URL; cookie: string; csrf: string; state: string }> {
  const url = await follow(authorizeUrl(down, { identity_provider: provider }));
  const response = await fetch(url, { redirect: 'manual' });
  const page = await response.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const state = /name="state" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { page, url, cookie: cookieHeader(setCookies(response)), csrf, state };
}

const post = (cookie: string, fields: Record<string, string>) =>
  fetch(`${down.url}/_emulator/idp/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields),
  });

async function tokensFrom(callback: URL): Promise<Record<string, unknown>> {
  const response = await fetch(`${down.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: DOWN_CLIENT,
      redirect_uri: CALLBACK,
      code: callback.searchParams.get('code') ?? '',
    }),
  });
  return decodeJwt(((await response.json()) as { id_token: string }).id_token);
}

t.test('Google: the page is labelled, a predefined identity signs in', async (t) => {
  const { page, url, cookie, csrf, state } = await openPage('Google');
  t.equal(url.pathname, '/_emulator/idp/authorize');
  t.equal(url.searchParams.get('redirect_uri'), `${down.url}/oauth2/idpresponse`);
  t.equal(url.searchParams.get('response_type'), 'code');
  t.match(page, 'served by cognito-emulator in place of the Google identity provider');
  t.match(page, 'gina@example.com');
  const forged = await post('', { _csrf: csrf, state, identity: '0' });
  t.equal(forged.status, 403, 'no XSRF cookie, no sign-in');
  const picked = await post(cookie, { _csrf: csrf, state, identity: '0' });
  t.equal(picked.status, 302);
  const idpResponse = new URL(picked.headers.get('location') ?? '');
  t.equal(idpResponse.origin + idpResponse.pathname, `${down.url}/oauth2/idpresponse`);
  const callback = await follow(idpResponse);
  t.equal(callback.searchParams.get('state'), 'app-state');
  const claims = await tokensFrom(callback);
  t.equal(claims['cognito:username'], `google_${GOOGLE_SUB}`);
  t.equal(claims.email, 'gina@example.com');
  t.equal(claims['custom:team'], 'example.com');
  t.strictSame(claims['cognito:groups'], [`${DOWN_POOL}_Google`]);
  t.match(claims.identities, [{ userId: GOOGLE_SUB, providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true' }]);
  t.equal((await follow(idpResponse)).pathname, '/error', 'the provider response cannot be replayed');
});

t.test('SAML: a typed identity, hostile strings escaped', async (t) => {
  const { cookie, csrf, state } = await openPage('Corp');
  const missing = await post(cookie, { _csrf: csrf, state, email: 'x@example.com' });
  t.match(await missing.text(), 'Give the identity a subject (sub).');
  const typed = await post(cookie, {
    _csrf: csrf,
    state,
    sub: 'Jane.Doe<script>',
    email: 'jane@corp.example',
    claims: 'department=R&D\nbad line',
  });
  const callback = await follow(new URL(typed.headers.get('location') ?? ''));
  const claims = await tokensFrom(callback);
  t.equal(claims['cognito:username'], 'corp_jane.doe<script>');
  t.equal(claims.email, 'jane@corp.example');
  t.match(claims.identities, [{ userId: 'Jane.Doe<script>', providerName: 'Corp', providerType: 'SAML' }]);
  const bad = await fetch(`${down.url}/_emulator/idp/authorize?state=%3Cscript%3E`, { redirect: 'manual' });
  t.equal(bad.status, 302);
  t.equal(new URL(bad.headers.get('location') ?? '', down.url).pathname, '/error');
});

t.test('/_emulator/federation/select skips the page', async (t) => {
  const select = (body: object, method = 'POST') =>
    fetch(`${down.url}/_emulator/federation/select`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  t.equal((await select({ UserPoolId: DOWN_POOL, ProviderName: 'Google', Sub: 'nobody' })).status, 400);
  t.equal((await select({ UserPoolId: DOWN_POOL, ProviderName: 'Upstream', Sub: GOOGLE_SUB })).status, 400);
  t.equal((await select({ UserPoolId: DOWN_POOL, ProviderName: 'Nope', Sub: GOOGLE_SUB })).status, 404);
  t.equal(
    (await select({ UserPoolId: DOWN_POOL, ProviderName: 'Google', Identity: { sub: '42', email: 'forty@example.com' } })).status,
    200,
  );
  const page = await follow(authorizeUrl(down, { identity_provider: 'Google', response_type: 'token' }));
  const idpResponse = await follow(page);
  const callback = await follow(idpResponse);
  const fragment = new URLSearchParams(callback.hash.slice(1));
  t.equal(decodeJwt(fragment.get('id_token') ?? '').email, 'forty@example.com');
  t.equal(fragment.get('state'), 'app-state');
  t.equal((await select({ UserPoolId: DOWN_POOL, ProviderName: 'Google' }, 'DELETE')).status, 200);
  const again = await fetch(await follow(authorizeUrl(down, { identity_provider: 'Google' })), { redirect: 'manual' });
  t.equal(again.status, 200, 'the page is shown again');
});
