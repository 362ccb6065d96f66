#!/usr/bin/env node
// HTTP side of test/docker/run.sh, run with plain Node on the HOST (never inside the container),
// so it needs nothing but Node >= 20. It only ever talks to 127.0.0.1.
//
//   probe.mjs free-port                          print a free TCP port on 127.0.0.1
//   probe.mjs wait-health <base> <t0ms> <maxMs>  poll <base>/health; print ms from t0 to first 200
//   probe.mjs sign-in <base> <json>              authorize → /login → POST /login → code →
//                                                /oauth2/token (PKCE + client secret) → verify the
//                                                ID token with the JWKS → /oauth2/userInfo;
//                                                prints a JSON result with the values seen
//   probe.mjs refresh <base> <json>              refresh_token grant with the saved result
//   probe.mjs get <url>                          print the status code of a GET
//   probe.mjs hold <base> <ms>                   keep an idle keep-alive connection open for ms
//   probe.mjs in-flight <base> <path> <delayMs>  make GET <path> take delayMs (test-control fault
//                                                API), start it, print "started", then print
//                                                "<status> <ms>" when it completes; exit 3 when
//                                                the emulator has no fault API
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer } from 'node:net';
import http from 'node:http';

const [command, ...args] = process.argv.slice(2);

function fail(message) {
  process.stderr.write(`probe ${command}: ${message}\n`);
  process.exit(1);
}

function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') fail(`refusing to contact ${host}: loopback only`);
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const decodePart = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitHealth(base, t0, maxMs) {
  assertLoopback(base);
  const deadline = t0 + maxMs;
  for (;;) {
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) });
      const body = await res.text();
      if (res.status === 200 && JSON.parse(body).status === 'ok') return Date.now() - t0;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) fail(`no 200 from ${base}/health within ${maxMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function cookieFrom(res, name) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1);
  }
  return undefined;
}

async function verifyJwt(token, jwks, { issuer, audience, tokenUse }) {
  const [h, p, s] = token.split('.');
  const header = decodePart(h);
  const claims = decodePart(p);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) fail(`no JWKS key for kid ${header.kid}`);
  if (header.alg !== 'RS256') fail(`unexpected alg ${header.alg}`);
  const ok = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'));
  if (!ok) fail(`${tokenUse} token signature does not verify against the JWKS`);
  if (claims.iss !== issuer) fail(`${tokenUse} token iss ${claims.iss} != ${issuer}`);
  if (claims.token_use !== tokenUse) fail(`token_use ${claims.token_use} != ${tokenUse}`);
  if (audience && claims.aud !== audience) fail(`aud ${claims.aud} != ${audience}`);
  if (!(claims.exp > Date.now() / 1000)) fail(`${tokenUse} token already expired`);
  return claims;
}

async function tokenRequest(base, cfg, params) {
  const res = await fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${cfg.clientId}:${cfg.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams(params),
  });
  const body = await res.json();
  if (res.status !== 200) fail(`token endpoint answered ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function signIn(base, cfg) {
  assertLoopback(base);
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  const state = b64url(randomBytes(12));
  const query = new URLSearchParams({
    client_id: cfg.clientId,
    response_type: 'code',
    redirect_uri: cfg.redirectUri,
    scope: 'openid email',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });

  // 1. /oauth2/authorize sends the browser to the hosted sign-in page.
  let res = await fetch(`${base}/oauth2/authorize?${query}`, { redirect: 'manual' });
  const loginLocation = res.headers.get('location');
  if (res.status !== 302 || !loginLocation) fail(`authorize answered ${res.status}, location ${loginLocation}`);
  const loginUrl = new URL(loginLocation, base);
  if (loginUrl.pathname !== '/login') fail(`authorize redirected to ${loginUrl.pathname}, expected /login`);

  // 2. GET /login: Cognito's classic form and the XSRF-TOKEN cookie.
  res = await fetch(loginUrl, { redirect: 'manual' });
  const html = await res.text();
  if (res.status !== 200) fail(`GET /login answered ${res.status}`);
  const xsrf = cookieFrom(res, 'XSRF-TOKEN');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!xsrf || csrf !== xsrf) fail(`_csrf field (${csrf}) does not match the XSRF-TOKEN cookie (${xsrf})`);
  for (const marker of ['name="cognitoSignInForm"', 'id="signInFormUsername"', 'id="signInFormPassword"', 'name="signInSubmitButton"']) {
    if (!html.includes(marker)) fail(`sign-in page lacks ${marker}`);
  }

  // 3. POST /login with the credentials: redirect to the client with a code.
  res = await fetch(loginUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `XSRF-TOKEN=${xsrf}` },
    body: new URLSearchParams({ _csrf: csrf, username: cfg.username, password: cfg.password, signInSubmitButton: 'Sign in' }),
  });
  const callback = res.headers.get('location');
  if (res.status !== 302 || !callback) fail(`POST /login answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const callbackUrl = new URL(callback);
  if (`${callbackUrl.origin}${callbackUrl.pathname}` !== cfg.redirectUri) fail(`redirected to ${callback}`);
  if (callbackUrl.searchParams.get('state') !== state) fail('state was not returned');
  const code = callbackUrl.searchParams.get('code');
  if (!code) fail(`no code in ${callback}`);

  // 4. Redeem the code (confidential client: HTTP Basic; PKCE verifier).
  const tokens = await tokenRequest(base, cfg, {
    grant_type: 'authorization_code',
    client_id: cfg.clientId,
    redirect_uri: cfg.redirectUri,
    code,
    code_verifier: verifier,
  });
  if (tokens.token_type !== 'Bearer' || !tokens.id_token || !tokens.access_token || !tokens.refresh_token) {
    fail(`token response lacks tokens: ${Object.keys(tokens).join(',')}`);
  }

  // 5. Verify as a relying party would: JWKS from the pool, issuer from PUBLIC_URL.
  const issuer = `${cfg.publicUrl}/${cfg.poolId}`;
  const discovery = await (await fetch(`${base}/${cfg.poolId}/.well-known/openid-configuration`)).json();
  if (discovery.issuer !== issuer) fail(`discovery issuer ${discovery.issuer} != ${issuer}`);
  const jwks = await (await fetch(`${base}/${cfg.poolId}/.well-known/jwks.json`)).json();
  const id = await verifyJwt(tokens.id_token, jwks, { issuer, audience: cfg.clientId, tokenUse: 'id' });
  await verifyJwt(tokens.access_token, jwks, { issuer, tokenUse: 'access' });
  if (id.email !== cfg.email) fail(`id token email ${id.email} != ${cfg.email}`);

  // 6. userInfo with the access token.
  res = await fetch(`${base}/oauth2/userInfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  const info = await res.json();
  if (res.status !== 200 || info.email !== cfg.email) fail(`userInfo answered ${res.status} ${JSON.stringify(info)}`);

  return { code, verifier, id_token: tokens.id_token, access_token: tokens.access_token, refresh_token: tokens.refresh_token, sub: id.sub };
}

async function refresh(base, cfg) {
  assertLoopback(base);
  const tokens = await tokenRequest(base, cfg, { grant_type: 'refresh_token', client_id: cfg.clientId, refresh_token: cfg.refreshToken });
  if (!tokens.access_token || !tokens.id_token) fail('refresh grant returned no tokens');
  return { access_token: tokens.access_token, id_token: tokens.id_token };
}

async function hold(base, ms) {
  assertLoopback(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  await new Promise((resolve, reject) => {
    http
      .get(`${base}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
      .on('error', reject);
  });
  process.stdout.write('holding\n');
  setTimeout(() => {
    agent.destroy();
    process.exit(0);
  }, ms);
}

async function inFlight(base, path, delayMs) {
  assertLoopback(base);
  const res = await fetch(`${base}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ route: path, delayMs, count: 1 }),
  });
  if (res.status === 404) process.exit(3);
  if (res.status !== 200) fail(`POST /_emulator/faults answered ${res.status}`);
  const t0 = Date.now();
  const pending = fetch(`${base}${path}`);
  process.stdout.write('started\n');
  const answer = await pending.catch((err) => fail(`in-flight request failed: ${err.cause?.code ?? err}`));
  const body = await answer.text();
  process.stdout.write(`${answer.status} ${Date.now() - t0} ${body.length}\n`);
}

switch (command) {
  case 'free-port':
    console.log(await freePort());
    break;
  case 'wait-health':
    console.log(await waitHealth(args[0], Number(args[1]), Number(args[2])));
    break;
  case 'sign-in':
    console.log(JSON.stringify(await signIn(args[0], JSON.parse(args[1]))));
    break;
  case 'refresh':
    console.log(JSON.stringify(await refresh(args[0], JSON.parse(args[1]))));
    break;
  case 'get': {
    assertLoopback(args[0]);
    const res = await fetch(args[0]).catch((err) => fail(String(err)));
    console.log(res.status);
    break;
  }
  case 'in-flight':
    await inFlight(args[0], args[1], Number(args[2]));
    break;
  case 'hold':
    await hold(args[0], Number(args[1]));
    break;
  default:
    fail('unknown command');
}
