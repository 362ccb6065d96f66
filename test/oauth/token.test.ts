// POST /oauth2/token transport and client authentication
// (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html). Grants have
// their own files under test/oauth/grants/.
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { CALLBACK, M2M_SECRET, PUBLIC_CLIENT, SECRET, SECRET_CLIENT, TEST_FIXTURE } from '../helpers/fixtures/index.js';
import { basicAuth, FORM, formBody, postForm, redeemCode, signIn, UUID } from '../helpers/flow.js';

const NO_STORE = 'no-cache, no-store, max-age=0, must-revalidate';

t.test('malformed requests → invalid_request / unsupported_grant_type, with JSON error headers', async (t) => {
  const { app } = await testEmulator(t);
  const code = { grant_type: 'authorization_code', client_id: PUBLIC_CLIENT, code: 'x', redirect_uri: CALLBACK };
  const cases: Array<[string, { headers?: Record<string, string>; payload?: string }, number, Record<string, string>]> = [
    [
      'JSON body',
      { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(code) },
      400,
      { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' },
    ],
    [
      'text/plain body',
      { headers: { 'content-type': 'text/plain' }, payload: formBody(code) },
      400,
      { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' },
    ],
    // No parser for this type at all: Fastify's 415, still an invalid_request body (json-errors.ts).
    [
      'XML body',
      { headers: { 'content-type': 'application/xml' }, payload: '<x/>' },
      415,
      { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' },
    ],
    [
      'no body, no content type',
      {},
      400,
      { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' },
    ],
    [
      'missing grant_type',
      { headers: { 'content-type': FORM }, payload: formBody({ client_id: PUBLIC_CLIENT, code: 'x' }) },
      400,
      { error: 'invalid_request' },
    ],
    [
      'repeated grant_type',
      { headers: { 'content-type': FORM }, payload: 'grant_type=authorization_code&grant_type=refresh_token' },
      400,
      { error: 'invalid_request' },
    ],
    [
      'unknown grant_type',
      { headers: { 'content-type': FORM }, payload: formBody({ ...code, grant_type: 'password' }) },
      400,
      { error: 'unsupported_grant_type' },
    ],
    [
      'implicit is no grant',
      { headers: { 'content-type': FORM }, payload: formBody({ ...code, grant_type: 'implicit' }) },
      400,
      { error: 'unsupported_grant_type' },
    ],
    [
      'grant_type of another case',
      { headers: { 'content-type': FORM }, payload: formBody({ ...code, grant_type: 'AUTHORIZATION_CODE' }) },
      400,
      { error: 'unsupported_grant_type' },
    ],
    [
      'prototype member as grant_type',
      { headers: { 'content-type': FORM }, payload: formBody({ ...code, grant_type: 'toString' }) },
      400,
      { error: 'unsupported_grant_type' },
    ],
    [
      '__proto__ as grant_type',
      { headers: { 'content-type': FORM }, payload: formBody({ ...code, grant_type: '__proto__' }) },
      400,
      { error: 'unsupported_grant_type' },
    ],
    // The grant is checked before the client: no client at all still gets unsupported_grant_type.
    [
      'unknown grant, no client',
      { headers: { 'content-type': FORM }, payload: formBody({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code' }) },
      400,
      { error: 'unsupported_grant_type' },
    ],
    [
      'code grant without code',
      {
        headers: { 'content-type': FORM },
        payload: formBody({ grant_type: 'authorization_code', client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK }),
      },
      400,
      { error: 'invalid_request' },
    ],
    [
      'code grant with empty code',
      { headers: { 'content-type': FORM }, payload: formBody({ ...code, code: '' }) },
      400,
      { error: 'invalid_request' },
    ],
    [
      'refresh grant without refresh_token',
      { headers: { 'content-type': FORM }, payload: formBody({ grant_type: 'refresh_token', client_id: PUBLIC_CLIENT }) },
      400,
      { error: 'invalid_request' },
    ],
    [
      'body over the limit',
      { headers: { 'content-type': FORM }, payload: formBody({ ...code, pad: 'x'.repeat(300 * 1024) }) },
      413,
      { error: 'invalid_request', error_description: 'Request body is too large' },
    ],
  ];
  for (const [name, req, status, body] of cases) {
    const res = await app.inject({ method: 'POST', url: '/oauth2/token', ...req });
    t.equal(res.statusCode, status, `${name}: status`);
    t.same(res.json(), body, `${name}: body`);
    t.equal(res.headers['content-type'], 'application/json;charset=UTF-8', `${name}: content type`);
    t.equal(res.headers['cache-control'], NO_STORE, `${name}: no-store`);
    t.equal(res.headers['access-control-allow-origin'], '*', `${name}: CORS`);
  }
});

t.test('client authentication failures → invalid_client (basic and post)', async (t) => {
  const { app } = await testEmulator(t);
  const base = { grant_type: 'authorization_code', code: 'some-code', redirect_uri: CALLBACK };
  const cases: Array<[string, Record<string, string>, string | undefined]> = [
    ['confidential client without secret', { ...base, client_id: SECRET_CLIENT }, undefined],
    ['confidential client with empty secret', { ...base, client_id: SECRET_CLIENT, client_secret: '' }, undefined],
    ['wrong secret (post)', { ...base, client_id: SECRET_CLIENT, client_secret: `${SECRET}x` }, undefined],
    ['wrong secret (basic)', base, basicAuth(SECRET_CLIENT, `${SECRET}x`)],
    ['secret of another client (basic)', base, basicAuth(SECRET_CLIENT, M2M_SECRET)],
    ['secret of another client (post)', { ...base, client_id: SECRET_CLIENT, client_secret: M2M_SECRET }, undefined],
    ['secret prefix', { ...base, client_id: SECRET_CLIENT, client_secret: SECRET.slice(0, -1) }, undefined],
    ['unknown client (post)', { ...base, client_id: 'nosuchclient00000000000000' }, undefined],
    ['unknown client (basic)', base, basicAuth('nosuchclient00000000000000', SECRET)],
    ['no client at all', base, undefined],
    ['empty client_id', { ...base, client_id: '' }, undefined],
    ['prototype key as client_id', { ...base, client_id: '__proto__' }, undefined],
    ['basic without colon', base, `Basic ${Buffer.from(SECRET_CLIENT).toString('base64')}`],
    ['basic not base64', base, 'Basic !!!'],
    ['bearer instead of basic', base, `Bearer ${SECRET}`],
    ['body client_id differs from basic', { ...base, client_id: PUBLIC_CLIENT }, basicAuth(SECRET_CLIENT, SECRET)],
    ['public client with a secret', { ...base, client_id: PUBLIC_CLIENT, client_secret: 'whatever-secret' }, undefined],
    ['public client with a secret (basic)', base, basicAuth(PUBLIC_CLIENT, 'whatever-secret')],
  ];
  for (const [name, fields, authorization] of cases) {
    const res = await postForm(app, '/oauth2/token', fields, { headers: authorization ? { authorization } : {} });
    t.equal(res.statusCode, 400, `${name}: status`);
    t.same(res.json(), { error: 'invalid_client' }, `${name}: body`);
    t.equal(res.headers['access-control-allow-origin'], '*', `${name}: CORS`);
  }
});

t.test('client authentication successes: basic, post, public with empty secret', async (t) => {
  const { app } = await testEmulator(t);
  const viaBasic = await signIn(app, { clientId: SECRET_CLIENT, scope: 'openid' });
  const basic = await redeemCode(app, { code: viaBasic.code, clientId: SECRET_CLIENT, secret: SECRET });
  t.equal(basic.statusCode, 200, 'client_secret_basic');

  const viaPost = await signIn(app, { clientId: SECRET_CLIENT, scope: 'openid' });
  const post = await redeemCode(app, { code: viaPost.code, clientId: SECRET_CLIENT, secret: SECRET, secretInBody: true });
  t.equal(post.statusCode, 200, 'client_secret_post');

  // Basic with the client_id repeated in the body (many libraries do this).
  const both = await signIn(app, { clientId: SECRET_CLIENT, scope: 'openid' });
  const res = await postForm(
    app,
    '/oauth2/token',
    { grant_type: 'authorization_code', client_id: SECRET_CLIENT, code: both.code, redirect_uri: CALLBACK },
    { headers: { authorization: basicAuth(SECRET_CLIENT, SECRET) } },
  );
  t.equal(res.statusCode, 200, 'basic plus body client_id');

  // Cognito accepts a public client that sends an empty client_secret.
  const pub = await signIn(app);
  const empty = await postForm(app, '/oauth2/token', {
    grant_type: 'authorization_code',
    client_id: PUBLIC_CLIENT,
    client_secret: '',
    code: pub.code,
    redirect_uri: CALLBACK,
  });
  t.equal(empty.statusCode, 200, 'public client with empty client_secret');

  // Content-Type with a charset parameter is still a form.
  const charset = await signIn(app);
  const withCharset = await app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    payload: formBody({ grant_type: 'authorization_code', client_id: PUBLIC_CLIENT, code: charset.code, redirect_uri: CALLBACK }),
  });
  t.equal(withCharset.statusCode, 200, 'charset parameter accepted');
});

t.test('client_secret_basic: secrets with "+" work raw and form-encoded (RFC 6749 §2.3.1)', async (t) => {
  // Cognito secrets may contain "+" (they match [\w+]+). curl -u / axios send it raw; RFC-following
  // libraries (openid-client) form-encode it as %2B. Both must authenticate.
  const plusSecret = 'plus+secret+0123456789abcdefghij';
  const fixture = structuredClone(TEST_FIXTURE);
  const client = fixture.UserPools[0]?.Clients.find((c) => c.ClientId === SECRET_CLIENT) as { ClientSecret?: string } | undefined;
  if (!client) throw new Error('fixture changed');
  client.ClientSecret = plusSecret;
  const { app } = await testEmulator(t, { fixture });
  const raw = `Basic ${Buffer.from(`${SECRET_CLIENT}:${plusSecret}`).toString('base64')}`;
  const encoded = `Basic ${Buffer.from(`${SECRET_CLIENT}:${encodeURIComponent(plusSecret)}`).toString('base64')}`;
  const spaced = `Basic ${Buffer.from(`${SECRET_CLIENT}:${plusSecret.replaceAll('+', ' ')}`).toString('base64')}`;
  for (const [name, authorization, status] of [
    ['raw', raw, 200],
    ['form-encoded', encoded, 200],
    ['spaces are not pluses', spaced, 400],
  ] as const) {
    const { code } = await signIn(app, { clientId: SECRET_CLIENT, scope: 'openid' });
    const res = await postForm(
      app,
      '/oauth2/token',
      { grant_type: 'authorization_code', code, redirect_uri: CALLBACK },
      { headers: { authorization } },
    );
    t.equal(res.statusCode, status, name);
  }
  t.equal(
    (
      await signIn(app, { clientId: SECRET_CLIENT, scope: 'openid' }).then(({ code }) =>
        redeemCode(app, { code, clientId: SECRET_CLIENT, secret: plusSecret, secretInBody: true }),
      )
    ).statusCode,
    200,
    'client_secret_post',
  );
});

t.test('success responses: JSON shape and headers', async (t) => {
  const { app } = await testEmulator(t);
  const { code } = await signIn(app, { scope: 'openid email' });
  const res = await redeemCode(app, { code });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
  t.equal(res.headers['cache-control'], NO_STORE);
  t.equal(res.headers.pragma, 'no-cache');
  t.equal(res.headers['access-control-allow-origin'], '*');
  t.match(res.headers['x-amz-cognito-request-id'], UUID);
  const body = res.json() as Record<string, unknown>;
  t.same(Object.keys(body), ['id_token', 'access_token', 'refresh_token', 'expires_in', 'token_type'], 'keys in captured order');
  t.equal(body.expires_in, 3600, 'expires_in is a number');
  t.equal(body.token_type, 'Bearer');
});

t.test('only POST: other methods → 405', async (t) => {
  const { app } = await testEmulator(t);
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'] as const) {
    const res = await app.inject({ method, url: '/oauth2/token' });
    t.equal(res.statusCode, 405, `${method}: 405`);
    t.equal(res.headers.allow, 'POST', `${method}: Allow`);
    t.equal(res.body, '', `${method}: empty body`);
  }
  const get = await app.inject({ method: 'GET', url: `/oauth2/token?grant_type=authorization_code&client_id=${PUBLIC_CLIENT}` });
  t.equal(get.statusCode, 405, 'GET with a query is still 405');
});
