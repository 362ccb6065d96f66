// GET /oauth2/authorize
// (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html): a pure
// redirector. Bad client_id / redirect_uri go to Cognito's own /error page, never to the app; other
// errors go back to the verified redirect_uri.
import t from 'tap';
import { testEmulator, PUBLIC_URL } from '../helpers/harness.js';
import { API, CALLBACK, M2M_CLIENT, NO_REVOKE_CLIENT, PUBLIC_CLIENT, SECRET_CLIENT, TEST_FIXTURE } from '../helpers/fixtures/index.js';
import { pkcePair } from '../helpers/flow.js';

const q = (params: Record<string, string | string[]>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) s.append(k, one);
  return s.toString();
};
const valid = { response_type: 'code', client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK };
const { challenge } = pkcePair();

t.test('bad or missing client_id → /error?error=invalid_request, never the app', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, Record<string, string | string[]>, string]> = [
    ['missing client_id', { response_type: 'code', redirect_uri: CALLBACK }, '/error?error=invalid_request'],
    ['empty client_id', { ...valid, client_id: '' }, '/error?error=invalid_request&client_id='],
    [
      'unknown client_id',
      { ...valid, client_id: 'nosuchclient00000000000000' },
      '/error?error=invalid_request&client_id=nosuchclient00000000000000',
    ],
    [
      'client_id of another case',
      { ...valid, client_id: PUBLIC_CLIENT.toUpperCase() },
      `/error?error=invalid_request&client_id=${PUBLIC_CLIENT.toUpperCase()}`,
    ],
    ['client_id repeated with different values', { ...valid, client_id: [PUBLIC_CLIENT, SECRET_CLIENT] }, '/error?error=invalid_request'],
    ['prototype key as client_id', { ...valid, client_id: '__proto__' }, '/error?error=invalid_request&client_id=__proto__'],
    [
      'hostile client_id is encoded',
      { ...valid, client_id: '"><script>x</script>' },
      '/error?error=invalid_request&client_id=%22%3E%3Cscript%3Ex%3C%2Fscript%3E',
    ],
  ];
  for (const [name, params, location] of cases) {
    const res = await app.inject({ url: `/oauth2/authorize?${q(params)}` });
    t.equal(res.statusCode, 302, `${name}: status`);
    t.equal(res.headers.location, location, `${name}: location`);
  }
});

t.test('redirect_uri not registered (exact string match) → /error?error=redirect_mismatch', async (t) => {
  const { app } = await testEmulator(t);
  const mismatch = `/error?error=redirect_mismatch&client_id=${PUBLIC_CLIENT}`;
  const cases: Array<[string, Record<string, string | string[]>]> = [
    ['missing', { response_type: 'code', client_id: PUBLIC_CLIENT }],
    ['empty', { ...valid, redirect_uri: '' }],
    ['not registered', { ...valid, redirect_uri: 'https://evil.example/callback' }],
    ['trailing slash added', { ...valid, redirect_uri: `${CALLBACK}/` }],
    ['longer path', { ...valid, redirect_uri: `${CALLBACK}x` }],
    ['query added', { ...valid, redirect_uri: `${CALLBACK}?next=/` }],
    ['fragment added', { ...valid, redirect_uri: `${CALLBACK}#x` }],
    ['host case differs', { ...valid, redirect_uri: 'http://LOCALHOST:3000/callback' }],
    ['other port', { ...valid, redirect_uri: 'http://localhost:3001/callback' }],
    ['https instead of http', { ...valid, redirect_uri: 'https://localhost:3000/callback' }],
    ['repeated with different values', { ...valid, redirect_uri: [CALLBACK, 'myapp://callback'] }],
    ['logout URL is not a callback', { ...valid, redirect_uri: 'http://localhost:3000/' }],
    // Checked before anything that could be redirected: a bad response_type does not leak to the app.
    ['bad response_type too', { ...valid, response_type: 'bogus', redirect_uri: 'https://evil.example/cb', state: 's' }],
    ['bad scope too', { ...valid, scope: 'nope', redirect_uri: 'https://evil.example/cb' }],
  ];
  for (const [name, params] of cases) {
    const res = await app.inject({ url: `/oauth2/authorize?${q(params)}` });
    t.equal(res.statusCode, 302, `${name}: status`);
    t.equal(res.headers.location, mismatch, `${name}: location`);
  }
  // A client without callback URLs (client_credentials only) has no valid redirect_uri at all.
  const m2m = await app.inject({ url: `/oauth2/authorize?${q({ ...valid, client_id: M2M_CLIENT })}` });
  t.equal(m2m.headers.location, `/error?error=redirect_mismatch&client_id=${M2M_CLIENT}`);
});

t.test('a parameter repeated with the same value counts once (as Cognito; oidc-client-ts repeats client_id)', async (t) => {
  const { app } = await testEmulator(t);
  const params = {
    response_type: ['code', 'code'],
    client_id: [PUBLIC_CLIENT, PUBLIC_CLIENT],
    redirect_uri: [CALLBACK, CALLBACK],
    state: ['s1', 's1'],
  };
  const res = await app.inject({ url: `/oauth2/authorize?${q(params)}` });
  t.equal(res.statusCode, 302);
  t.equal(res.headers.location, `${PUBLIC_URL}/login?${q(params)}`, 'on to the sign-in page');
  const page = await app.inject({ url: `/login?${q(params)}` });
  t.equal(page.statusCode, 200, 'the sign-in page takes it too');
});

t.test('errors for a verified client and redirect_uri go back to the app with state', async (t) => {
  const { app } = await testEmulator(t);
  const err = (e: string, state = 'xyz') => `${CALLBACK}?error=${e}&state=${state}`;
  const scopeErr = `${CALLBACK}?error_description=invalid_scope&state=xyz&error=invalid_request`;
  const s = { ...valid, state: 'xyz' };
  const cases: Array<[string, Record<string, string | string[]>, string]> = [
    ['missing response_type', { client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK, state: 'xyz' }, err('invalid_request')],
    ['empty response_type', { ...s, response_type: '' }, err('invalid_request')],
    ['unsupported response_type', { ...s, response_type: 'id_token' }, err('invalid_request')],
    ['combined response_type', { ...s, response_type: 'code token' }, err('invalid_request')],
    ['upper-case response_type', { ...s, response_type: 'CODE' }, err('invalid_request')],
    ['response_type repeated with different values', { ...s, response_type: ['code', 'token'] }, err('invalid_request')],
    ['code_challenge_method=plain', { ...s, code_challenge: challenge, code_challenge_method: 'plain' }, err('invalid_request')],
    ['code_challenge without method', { ...s, code_challenge: challenge }, err('invalid_request')],
    ['method without code_challenge', { ...s, code_challenge_method: 'S256' }, err('invalid_request')],
    ['malformed code_challenge', { ...s, code_challenge: 'short', code_challenge_method: 'S256' }, err('invalid_request')],
    ['lower-case s256', { ...s, code_challenge: challenge, code_challenge_method: 's256' }, err('invalid_request')],
    ['implicit for a code-only client', { ...s, client_id: SECRET_CLIENT, response_type: 'token' }, err('unauthorized_client')],
    ['implicit for another code-only client', { ...s, client_id: NO_REVOKE_CLIENT, response_type: 'token' }, err('unauthorized_client')],
    ['scope not enabled on the client', { ...s, scope: `openid ${API}/write` }, scopeErr],
    ['unknown scope', { ...s, scope: 'openid nonsense' }, scopeErr],
    ['email without openid', { ...s, scope: 'email' }, scopeErr],
    ['profile without openid', { ...s, scope: 'profile aws.cognito.signin.user.admin' }, scopeErr],
    ['scope case differs', { ...s, scope: 'OPENID' }, scopeErr],
    ['openid not enabled on the client', { ...s, client_id: SECRET_CLIENT, scope: 'openid phone' }, scopeErr],
    ['repeated scope', { ...s, scope: ['openid', 'email'] }, scopeErr],
    ['repeated state', { ...valid, state: ['a', 'b'] }, `${CALLBACK}?error=invalid_request`],
    ['repeated nonce', { ...s, nonce: ['a', 'b'] }, err('invalid_request')],
  ];
  for (const [name, params, location] of cases) {
    const res = await app.inject({ url: `/oauth2/authorize?${q(params)}` });
    t.equal(res.statusCode, 302, `${name}: status`);
    t.equal(res.headers.location, location, `${name}: location`);
  }
});

t.test('error redirects without state carry no state; state is echoed encoded', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, Record<string, string>, string]> = [
    ['invalid_request, no state', { ...valid, response_type: 'x' }, `${CALLBACK}?error=invalid_request`],
    ['scope error, no state', { ...valid, scope: 'nope' }, `${CALLBACK}?error_description=invalid_scope&error=invalid_request`],
    [
      'unauthorized_client, no state',
      { ...valid, client_id: SECRET_CLIENT, response_type: 'token' },
      `${CALLBACK}?error=unauthorized_client`,
    ],
    [
      'state with reserved characters',
      { ...valid, response_type: 'x', state: 'a b&c=d/é' },
      `${CALLBACK}?error=invalid_request&state=a+b%26c%3Dd%2F%C3%A9`,
    ],
    [
      'custom-scheme callback',
      { ...valid, redirect_uri: 'myapp://callback', response_type: 'x', state: 's' },
      'myapp://callback?error=invalid_request&state=s',
    ],
  ];
  for (const [name, params, location] of cases) {
    const res = await app.inject({ url: `/oauth2/authorize?${q(params)}` });
    t.equal(res.statusCode, 302, `${name}: status`);
    t.equal(res.headers.location, location, `${name}: location`);
  }
});

t.test('valid requests → 302 /login with the same query string', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, string]> = [
    ['minimal', q(valid)],
    [
      'everything',
      q({
        ...valid,
        scope: `openid email profile ${API}/read`,
        state: 'st',
        nonce: 'n',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        login_hint: 'alice',
      }),
    ],
    ['implicit', q({ ...valid, response_type: 'token', scope: 'openid' })],
    ['custom scheme', q({ ...valid, redirect_uri: 'myapp://callback' })],
    [
      'scope with %20',
      `response_type=code&client_id=${PUBLIC_CLIENT}&redirect_uri=${encodeURIComponent(CALLBACK)}&scope=openid%20email&state=a%2Fb`,
    ],
    ['unknown extra parameter kept', q({ ...valid, lang: 'fr', foo: 'bar' })],
    ['identity_provider=COGNITO', q({ ...valid, identity_provider: 'COGNITO' })],
  ];
  for (const [name, query] of cases) {
    const res = await app.inject({ url: `/oauth2/authorize?${query}` });
    t.equal(res.statusCode, 302, `${name}: status`);
    t.equal(res.headers.location, `${PUBLIC_URL}/login?${query}`, `${name}: location (absolute, as Cognito's)`);
    t.equal(res.headers['cache-control'], 'no-cache, no-store, max-age=0, must-revalidate', `${name}: no-store`);
  }
});

t.test('only GET: other methods are not routes', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({ method: 'POST', url: `/oauth2/authorize?${q(valid)}` });
  t.equal(res.statusCode, 404);
});

t.test('a client with OAuth turned off (AllowedOAuthFlowsUserPoolClient false) → /error, never the app', async (t) => {
  const fixture = structuredClone(TEST_FIXTURE);
  const client = fixture.UserPools[0]?.Clients.find((c) => c.ClientId === PUBLIC_CLIENT) as Record<string, unknown> | undefined;
  if (!client) throw new Error('fixture changed');
  client.AllowedOAuthFlowsUserPoolClient = false;
  const { app } = await testEmulator(t, { fixture });
  const res = await app.inject({ url: `/oauth2/authorize?${q({ ...valid, state: 's' })}` });
  t.equal(res.statusCode, 302);
  t.equal(res.headers.location, `/error?error=unauthorized_client&client_id=${PUBLIC_CLIENT}`);
});
