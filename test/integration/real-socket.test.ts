// The emulator over a real TCP socket (undici), where app.inject() cannot see: keep-alive,
// Content-Length handling, and the 413 for oversized bodies that must not kill the connection.
import t from 'tap';
import { Client } from 'undici';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { testEmulator } from '../helpers/harness.js';
import { API, M2M_CLIENT, M2M_SECRET, POOL_ID } from '../helpers/fixtures/index.js';

const server = await testEmulator(t, { listen: true });
const sockets = new Set<Socket>();
server.app.server.on('connection', (socket: Socket) => sockets.add(socket));

// One connection, no pipelining: every request below reuses the same socket unless it is closed.
const client = new Client(server.url, { pipelining: 1, keepAliveTimeout: 30_000 });
t.teardown(() => client.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const FORM = 'application/x-www-form-urlencoded';

t.test('GET /health', async (t) => {
  const res = await client.request({ method: 'GET', path: '/health' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^application\/json/);
  t.strictSame(await res.body.json(), { status: 'ok' });
});

t.test('discovery document over the socket', async (t) => {
  const res = await client.request({ method: 'GET', path: `/${POOL_ID}/.well-known/openid-configuration` });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['access-control-allow-origin'], '*');
  const doc = (await res.body.json()) as Record<string, unknown>;
  t.equal(doc.issuer, `${server.url}/${POOL_ID}`);
  t.equal(doc.token_endpoint, `${server.url}/oauth2/token`);
  t.equal(doc.jwks_uri, `${server.url}/${POOL_ID}/.well-known/jwks.json`);
});

t.test('unknown pool discovery is a 404', async (t) => {
  const res = await client.request({ method: 'GET', path: '/us-east-1_Nope/.well-known/openid-configuration' });
  t.equal(res.statusCode, 404);
  await res.body.dump();
});

t.test('token request with HTTP Basic client authentication', async (t) => {
  const res = await client.request({
    method: 'POST',
    path: '/oauth2/token',
    headers: { 'content-type': FORM, authorization: basic(M2M_CLIENT, M2M_SECRET) },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: `${API}/read` }).toString(),
  });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
  t.equal(res.headers['cache-control'], 'no-cache, no-store, max-age=0, must-revalidate');
  t.equal(res.headers['access-control-allow-origin'], '*');
  const body = (await res.body.json()) as Record<string, unknown>;
  t.strictSame(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type']);
  t.equal(body.token_type, 'Bearer');
  t.equal(body.expires_in, 3600);
});

t.test('wrong Basic secret: invalid_client', async (t) => {
  const res = await client.request({
    method: 'POST',
    path: '/oauth2/token',
    headers: { 'content-type': FORM, authorization: basic(M2M_CLIENT, 'wrong') },
    body: 'grant_type=client_credentials',
  });
  t.equal(res.statusCode, 400);
  t.strictSame(await res.body.json(), { error: 'invalid_client' });
});

t.test('oversized body (> 256 KiB) with Content-Length: 413 JSON, then a graceful close', async (t) => {
  const big = `grant_type=client_credentials&scope=${'a'.repeat(300 * 1024)}`;
  const res = await client.request({
    method: 'POST',
    path: '/oauth2/token',
    headers: { 'content-type': FORM, authorization: basic(M2M_CLIENT, M2M_SECRET) },
    body: big,
  });
  t.equal(res.statusCode, 413);
  t.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
  t.strictSame(await res.body.json(), { error: 'invalid_request', error_description: 'Request body is too large' });
  // Fastify stops reading an oversized body, so it answers first and then closes the connection
  // gracefully, announcing it (the client may still be sending): no reset, no lost response.
  t.equal(res.headers.connection, 'close', 'the close is announced in the response');

  const after = await client.request({ method: 'GET', path: '/health' });
  t.equal(after.statusCode, 200, 'the next request on the same client works');
  await after.body.dump();
});

t.test('oversized chunked body (no Content-Length): 413 JSON', async (t) => {
  const chunks = Readable.from(
    (function* () {
      yield 'grant_type=client_credentials&scope=';
      for (let i = 0; i < 40; i++) yield 'b'.repeat(8 * 1024);
    })(),
  );
  const res = await client.request({
    method: 'POST',
    path: '/oauth2/token',
    headers: { 'content-type': FORM, authorization: basic(M2M_CLIENT, M2M_SECRET) },
    body: chunks,
  });
  t.equal(res.statusCode, 413);
  t.strictSame(await res.body.json(), { error: 'invalid_request', error_description: 'Request body is too large' });
  const after = await client.request({ method: 'GET', path: '/health' });
  t.equal(after.statusCode, 200, 'the emulator still answers after a streamed oversized body');
  await after.body.dump();
});

t.test('keep-alive: connections are reused except after each announced close', async (t) => {
  // 1: /health … wrong secret and the 413; 2: /health and the chunked 413; 3: /health after it.
  t.equal(sockets.size, 3);
});

// After the keep-alive count: undici does not reuse a connection after a HEAD request.
t.test('HEAD: the GET answer without its body', async (t) => {
  const paths = ['/health', `/${POOL_ID}/.well-known/jwks.json`, `/${POOL_ID}/.well-known/openid-configuration`, '/oauth2/token', '/login'];
  for (const path of paths) {
    const get = await client.request({ method: 'GET', path });
    const body = Buffer.from(await get.body.arrayBuffer());
    const head = await client.request({ method: 'HEAD', path });
    t.equal(head.statusCode, get.statusCode, `${path}: GET's status`);
    t.equal(head.headers['content-type'], get.headers['content-type'], `${path}: GET's content type`);
    t.equal(head.headers['content-length'], String(body.length), `${path}: GET's length`);
    t.equal(head.headers.allow, get.headers.allow, `${path}: GET's Allow`);
    t.equal((await head.body.arrayBuffer()).byteLength, 0, `${path}: no body`);
  }
  // Only POST is served here: HEAD gets the same 404 as GET.
  const head = await client.request({ method: 'HEAD', path: '/oauth2/revoke' });
  t.equal(head.statusCode, (await client.request({ method: 'GET', path: '/oauth2/revoke' })).statusCode);
  await head.body.dump();
});

t.test('GET /oauth2/token is 405 with Allow: POST', async (t) => {
  const res = await client.request({ method: 'GET', path: '/oauth2/token' });
  t.equal(res.statusCode, 405);
  t.equal(res.headers.allow, 'POST');
  await res.body.dump();
});

t.test('server is bound to the loopback only', async (t) => {
  const address = server.app.server.address();
  t.equal(typeof address === 'object' && address !== null ? address.address : address, '127.0.0.1');
});
