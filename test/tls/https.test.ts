// The TLS listener (HTTPS_PORT) with the generated local CA, through real sockets and real clients:
// undici trusting the CA, the AWS SDK v3 over https, the hosted sign-in and code exchange staying
// on https (Secure cookies, relative redirects), the CA served and usable as NODE_EXTRA_CA_CERTS,
// and both listeners closing with the app.
import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { execFile } from 'node:child_process';
import { Agent as HttpsAgent } from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { Agent, fetch as undiciFetch } from 'undici';
import { startEmulator } from '../../src/index.js';
import { CALLBACK, PASSWORD, POOL_ID, PUBLIC_CLIENT, TEST_FIXTURE } from '../helpers/fixtures/index.js';
import { hostedLogin } from '../helpers/hosted-login.js';

const dir = await mkdtemp(join(tmpdir(), 'https-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const emulator = await startEmulator({ fixtures: TEST_FIXTURE as never, httpsPort: 0, tlsDir: dir });
t.teardown(() => emulator.stop());
const ca = emulator.ca!.pem;
const dispatcher = new Agent({ connect: { ca } });
t.teardown(() => dispatcher.close());
/** undici's fetch, trusting the emulator's CA only. */
const tlsFetch = ((input: string | URL, init: Record<string, unknown> = {}) =>
  undiciFetch(input, { ...init, dispatcher })) as unknown as typeof fetch;
const httpsPort = Number(new URL(emulator.httpsUrl!).port);
// Only ever the loopback address this test's emulator listens on (the certificate names it too).
const base = `https://127.0.0.1:${httpsPort}`;
const plainBase = emulator.url.replace('localhost', '127.0.0.1');

t.test('the programmatic API reports the https URL and the CA; the CA is served over both listeners', async (t) => {
  t.match(emulator.httpsUrl, /^https:\/\/localhost:\d+$/);
  t.equal(emulator.ca?.path, join(dir, 'ca.pem'));
  t.match(ca, /^-----BEGIN CERTIFICATE-----/);
  const plain = await fetch(`${plainBase}/_emulator/tls/ca.pem`);
  t.equal(plain.status, 200);
  t.equal(plain.headers.get('content-type'), 'application/x-pem-file');
  t.equal(await plain.text(), ca);
  t.equal(await (await tlsFetch(`${base}/_emulator/tls/ca.pem`)).text(), ca);
});

t.test('the same app over TLS: health, discovery with https endpoints, JWKS; untrusted without the CA', async (t) => {
  const health = await tlsFetch(`${base}/health`);
  t.same(await health.json(), { status: 'ok' });
  const byName = await undiciFetch(`${base}/health`, { dispatcher: new Agent({ connect: { ca, servername: 'localhost' } }) });
  t.equal(byName.status, 200, 'the certificate names localhost too (SNI)');
  const discovery = (await (await tlsFetch(`${base}/${POOL_ID}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  t.equal(discovery.token_endpoint, `${base}/oauth2/token`, 'endpoints stay on https');
  t.equal(discovery.issuer, `${emulator.url}/${POOL_ID}`, "the issuer is PUBLIC_URL's, whichever listener is asked");
  const plainDiscovery = (await (await fetch(`${plainBase}/${POOL_ID}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  t.equal(plainDiscovery.token_endpoint, `${emulator.url}/oauth2/token`, 'the plain listener keeps PUBLIC_URL');
  t.equal((await tlsFetch(`${base}/${POOL_ID}/.well-known/jwks.json`)).status, 200);
  await t.rejects(undiciFetch(`${base}/health`), 'a client that does not trust the CA refuses the connection');
});

t.test('the AWS SDK v3 over https: sign-in, GetTokensFromRefreshToken, GetUser, CORS headers', async (t) => {
  // As an app developer trusts a private CA with the SDK: an https.Agent with `ca`.
  const trusted = new CognitoIdentityProviderClient({
    endpoint: base,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: { httpsAgent: new HttpsAgent({ ca }) },
  });
  t.teardown(() => trusted.destroy());
  const signIn = await trusted.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
  );
  t.ok(signIn.AuthenticationResult?.RefreshToken);
  const refreshed = await trusted.send(
    new GetTokensFromRefreshTokenCommand({ ClientId: PUBLIC_CLIENT, RefreshToken: signIn.AuthenticationResult!.RefreshToken! }),
  );
  const user = await trusted.send(new GetUserCommand({ AccessToken: refreshed.AuthenticationResult!.AccessToken! }));
  t.equal(user.Username, 'alice');
  const preflight = await tlsFetch(`${base}/`, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://localhost:3000',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent',
    },
  });
  t.equal(preflight.status, 204);
  t.equal(preflight.headers.get('access-control-allow-origin'), '*');
});

t.test('hosted sign-in over https stays on https: redirects on the https origin, Secure cookies, code exchange, logout', async (t) => {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: PUBLIC_CLIENT,
    redirect_uri: CALLBACK,
    scope: 'openid email',
    state: 's1',
  });
  const authorize = await tlsFetch(`${base}/oauth2/authorize?${query}`, { redirect: 'manual' });
  t.equal(authorize.status, 302);
  t.equal(authorize.headers.get('location'), `${base}/login?${query}`, "absolute (as Cognito's), on the https origin the browser used");
  const page = await tlsFetch(`${base}/login?${query}`);
  const cookieLines = page.headers.getSetCookie();
  t.ok(cookieLines.length > 0 && cookieLines.every((line) => /;\s*Secure/i.test(line)), 'cookies set over https are Secure');
  t.notOk(
    /strict-transport-security/i.test([...page.headers.keys()].join(' ')),
    'no HSTS for localhost (it would pin every port of it to https)',
  );
  const plainPage = await fetch(`${plainBase}/login?${query}`);
  t.ok(
    plainPage.headers.getSetCookie().every((line) => !/;\s*Secure/i.test(line)),
    'the plain listener keeps plain cookies',
  );

  const { location, cookies } = await hostedLogin(`${base}/oauth2/authorize?${query}`, 'alice', PASSWORD, tlsFetch);
  t.equal(`${location.origin}${location.pathname}`, CALLBACK);
  const code = location.searchParams.get('code')!;
  const token = await tlsFetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK }).toString(),
  });
  t.equal(token.status, 200);
  t.ok(((await token.json()) as { id_token?: string }).id_token);

  const logout = await tlsFetch(
    `${base}/logout?${new URLSearchParams({ client_id: PUBLIC_CLIENT, logout_uri: 'http://localhost:3000/' })}`,
    {
      redirect: 'manual',
      headers: { cookie: `cognito=${cookies.get('cognito')}` },
    },
  );
  t.equal(logout.status, 302);
  t.equal(logout.headers.get('location'), 'http://localhost:3000/');
  t.ok(
    logout.headers.getSetCookie().some((line) => /^cognito=;/.test(line) && /;\s*Secure/i.test(line)),
    'session cleared with a Secure cookie',
  );
  const again = await tlsFetch(
    `${base}/logout?${new URLSearchParams({ client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK, response_type: 'code' })}`,
    { redirect: 'manual' },
  );
  t.ok(again.headers.get('location')?.startsWith(`${base}/login?`), 'logout → /login on the https origin');
});

t.test('NODE_EXTRA_CA_CERTS=<the CA file>: a plain Node process trusts the TLS listener', async (t) => {
  const script = `fetch(${JSON.stringify(`${base}/health`)}).then(async (r) => { console.log(r.status, await r.text()); }, (e) => { \
console.error(String(e.cause ?? e)); process.exit(1); })`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    env: { ...process.env, NODE_OPTIONS: '', NODE_EXTRA_CA_CERTS: emulator.ca!.path },
    timeout: 30_000,
  });
  t.equal(stdout.trim(), '200 {"status":"ok"}');
});

t.test('stop() closes both listeners', async (t) => {
  const other = await startEmulator({ fixtures: TEST_FIXTURE as never, httpsPort: 0, tlsDir: dir });
  const port = Number(new URL(other.httpsUrl!).port);
  const keepAlive = new Agent({ connect: { ca }, keepAliveTimeout: 60_000 });
  t.teardown(() => keepAlive.close());
  t.equal(
    (await undiciFetch(`https://127.0.0.1:${port}/health`, { dispatcher: keepAlive })).status,
    200,
    'a kept-alive connection is open',
  );
  const started = Date.now();
  await other.stop();
  t.ok(Date.now() - started < 5000, 'an idle keep-alive connection does not hold the close up');
  await t.rejects(
    undiciFetch(`https://127.0.0.1:${port}/health`, { dispatcher: new Agent({ connect: { ca } }) }),
    'the TLS port no longer answers',
  );
  await t.rejects(fetch(`${other.url.replace('localhost', '127.0.0.1')}/health`), 'nor does the plain one');
});
