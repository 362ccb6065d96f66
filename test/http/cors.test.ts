// CORS on the browser-callable JSON surfaces: the Cognito JSON API (POST /) and the OAuth JSON
// endpoints answer preflights and mark every answer (errors and injected faults too) readable.
import t, { type Test } from 'tap';
import { fetch } from 'undici';
import { testEmulator } from '../helpers/harness.js';

import { PASSWORD, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';

const AMZ = 'application/x-amz-json-1.1';
const target = (op: string) => ({
  'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
  'content-type': AMZ,
  origin: 'http://localhost:3000',
});
/** What the AWS SDK v3 in a browser (Amplify's own client too) asks for in a preflight. */
const SDK_HEADERS = 'amz-sdk-invocation-id,amz-sdk-request,cache-control,content-type,x-amz-target,x-amz-user-agent';

function readable(t: Test, res: { headers: Record<string, unknown> }, name: string) {
  t.equal(res.headers['access-control-allow-origin'], '*', `${name}: ACAO *`);
  const exposed = String(res.headers['access-control-expose-headers'] ?? '').split(/\s*,\s*/);
  for (const h of ['x-amzn-requestid', 'x-amzn-errortype']) t.ok(exposed.includes(h), `${name}: exposes ${h}`);
}

t.test('OPTIONS / answers the preflight of the AWS SDK in a browser', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({
    method: 'OPTIONS',
    url: '/',
    headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': SDK_HEADERS },
  });
  t.equal(res.statusCode, 204);
  t.equal(res.body, '');
  t.equal(res.headers['access-control-allow-origin'], '*');
  t.equal(res.headers['access-control-allow-headers'], SDK_HEADERS, 'requested headers echoed');
  t.ok(
    String(res.headers['access-control-allow-methods'])
      .split(/\s*,\s*/)
      .includes('POST'),
  );
  t.ok(Number(res.headers['access-control-max-age']) > 0, 'max-age');

  // Without Access-Control-Request-Headers (or with something that is not a header list): our list.
  for (const requested of [undefined, 'x-amz-target\r\nset-cookie: a=b', 'a,,b']) {
    const plain = await app
      .inject({
        method: 'OPTIONS',
        url: '/',
        headers: {
          origin: 'http://localhost:3000',
          'access-control-request-method': 'POST',
          ...(requested ? { 'access-control-request-headers': requested } : {}),
        },
      })
      .catch(() => undefined);
    if (!plain) continue; // light-my-request refuses a header with CR/LF itself: nothing reaches the app
    t.equal(plain.statusCode, 204);
    const allowed = String(plain.headers['access-control-allow-headers']).split(/\s*,\s*/);
    for (const h of SDK_HEADERS.split(',').concat(['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'])) {
      t.ok(allowed.includes(h), `allows ${h} (${JSON.stringify(requested)})`);
    }
  }
});

t.test('JSON API answers are readable cross-origin: success, Cognito errors, bad JSON, 413, unknown operation', async (t) => {
  const { app } = await testEmulator(t);
  const ok = await app.inject({
    method: 'POST',
    url: '/',
    headers: target('InitiateAuth'),
    payload: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
  });
  t.equal(ok.statusCode, 200);
  readable(t, ok, 'success');
  const wrong = await app.inject({
    method: 'POST',
    url: '/',
    headers: target('InitiateAuth'),
    payload: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: PUBLIC_CLIENT,
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'nope' },
    }),
  });
  t.equal(wrong.statusCode, 400);
  t.equal(wrong.headers['x-amzn-errortype'], 'NotAuthorizedException:');
  readable(t, wrong, 'NotAuthorizedException');
  const badJson = await app.inject({ method: 'POST', url: '/', headers: target('InitiateAuth'), payload: '{' });
  t.equal(badJson.statusCode, 400);
  readable(t, badJson, 'bad JSON');
  const big = await app.inject({
    method: 'POST',
    url: '/',
    headers: target('InitiateAuth'),
    payload: JSON.stringify({ x: 'a'.repeat(300 * 1024) }),
  });
  t.equal(big.statusCode, 413);
  readable(t, big, '413');
  const unknown = await app.inject({ method: 'POST', url: '/', headers: target('NoSuchOperation'), payload: '{}' });
  t.equal(unknown.json().__type, 'UnknownOperationException');
  readable(t, unknown, 'unknown operation');
});

t.test('injected faults are readable cross-origin; a preflight does not use a fault up', async (t) => {
  const { app, deps } = await testEmulator(t);
  deps.faults.add({ operation: 'InitiateAuth', count: 1, error: 'TooManyRequestsException', status: 400, delayMs: 0 });
  deps.faults.add({ route: '/oauth2/token', count: 1, error: 'server_error', status: 500, delayMs: 0 });
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/oauth2/token',
    headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
  });
  t.equal(preflight.statusCode, 204, 'preflight answered, not failed');
  const api = await app.inject({ method: 'POST', url: '/', headers: target('InitiateAuth'), payload: '{}' });
  t.equal(api.json().__type, 'TooManyRequestsException');
  readable(t, api, 'JSON API fault');
  const token = await app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'grant_type=client_credentials',
  });
  t.equal(token.statusCode, 500);
  t.same(token.json().error, 'server_error', 'the fault was still there for the real request');
  t.equal(token.headers['access-control-allow-origin'], '*', 'OAuth fault: ACAO *');
});

t.test('OAuth JSON endpoints: the preflight allows what Amplify sends (x-amz-user-agent, cache-control)', async (t) => {
  const { app } = await testEmulator(t);
  for (const url of ['/oauth2/token', '/oauth2/revoke', '/oauth2/userInfo']) {
    const res = await app.inject({
      method: 'OPTIONS',
      url,
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    t.equal(res.statusCode, 204, url);
    const allowed = String(res.headers['access-control-allow-headers']).split(/\s*,\s*/);
    for (const h of ['x-amz-user-agent', 'cache-control', 'content-type', 'authorization']) t.ok(allowed.includes(h), `${url} allows ${h}`);
    const echoed = await app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-user-agent',
      },
    });
    t.equal(echoed.headers['access-control-allow-headers'], 'content-type,x-amz-user-agent', `${url}: echoed`);
  }
});

t.test('/logout sends no CORS headers (as Cognito)', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({
    url: `/logout?client_id=${PUBLIC_CLIENT}&logout_uri=${encodeURIComponent('http://localhost:3000/')}`,
    headers: { origin: 'http://localhost:3000' },
  });
  t.equal(res.headers['access-control-allow-origin'], undefined);
});

t.test('over a real socket (undici): preflight, then the SDK-shaped call, readable by a page', async (t) => {
  const { url } = await testEmulator(t, { listen: true });
  const preflight = await fetch(`${url}/`, {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': SDK_HEADERS },
  });
  t.equal(preflight.status, 204);
  t.equal(preflight.headers.get('access-control-allow-headers'), SDK_HEADERS);
  const res = await fetch(`${url}/`, { method: 'POST', headers: target('GetUser'), body: JSON.stringify({ AccessToken: 'not-a-token' }) });
  t.equal(res.status, 400);
  t.equal(res.headers.get('access-control-allow-origin'), '*');
  t.match(res.headers.get('access-control-expose-headers'), /x-amzn-errortype/);
  t.equal(((await res.json()) as { __type: string }).__type, 'NotAuthorizedException');
});
