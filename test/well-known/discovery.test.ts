// Discovery document and JWKS per pool (https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html).
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { EMAIL_POOL_ID, POOL_ID } from '../helpers/fixtures/index.js';

const BASE = 'http://localhost:9229';

t.test('discovery: exactly Cognito’s fields, alphabetical, endpoints on PUBLIC_URL', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({ url: `/${POOL_ID}/.well-known/openid-configuration` });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
  t.equal(res.headers['access-control-allow-origin'], '*');
  const doc = res.json() as Record<string, unknown>;
  t.same(doc, {
    authorization_endpoint: `${BASE}/oauth2/authorize`,
    end_session_endpoint: `${BASE}/logout`,
    id_token_signing_alg_values_supported: ['RS256'],
    issuer: `${BASE}/${POOL_ID}`,
    jwks_uri: `${BASE}/${POOL_ID}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    revocation_endpoint: `${BASE}/oauth2/revoke`,
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    token_endpoint: `${BASE}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    userinfo_endpoint: `${BASE}/oauth2/userInfo`,
  });
  const keys = Object.keys(doc);
  t.same(keys, [...keys].sort(), 'keys in alphabetical order');
  t.equal(doc.code_challenge_methods_supported, undefined, 'not published by Cognito');

  const other = (await app.inject({ url: `/${EMAIL_POOL_ID}/.well-known/openid-configuration` })).json() as Record<string, string>;
  t.equal(other.issuer, `${BASE}/${EMAIL_POOL_ID}`);
  t.equal(other.jwks_uri, `${BASE}/${EMAIL_POOL_ID}/.well-known/jwks.json`);
  t.equal(other.token_endpoint, `${BASE}/oauth2/token`, 'one origin serves every pool');
});

t.test('discovery follows PUBLIC_URL', async (t) => {
  const { app } = await testEmulator(t, { config: { publicUrl: 'https://auth.example.test:8443' } });
  const doc = (await app.inject({ url: `/${POOL_ID}/.well-known/openid-configuration` })).json() as Record<string, string>;
  t.equal(doc.authorization_endpoint, 'https://auth.example.test:8443/oauth2/authorize');
  t.equal(doc.issuer, `https://auth.example.test:8443/${POOL_ID}`);
  t.equal(doc.jwks_uri, `https://auth.example.test:8443/${POOL_ID}/.well-known/jwks.json`);
});

t.test('JWKS: two RS256 keys with exactly alg, e, kid, kty, n, use', async (t) => {
  const { app } = await testEmulator(t);
  const res = await app.inject({ url: `/${POOL_ID}/.well-known/jwks.json` });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
  t.equal(res.headers['access-control-allow-origin'], '*');
  const jwks = res.json() as { keys: Array<Record<string, string>> };
  t.same(Object.keys(jwks), ['keys']);
  t.equal(jwks.keys.length, 2);
  for (const key of jwks.keys) {
    t.same(Object.keys(key), ['alg', 'e', 'kid', 'kty', 'n', 'use'], 'exactly six members, alphabetical');
    t.match(key, { alg: 'RS256', e: 'AQAB', kty: 'RSA', use: 'sig' });
    t.match(key.kid, /^[A-Za-z0-9+/]{43}=$/, '44-char base64 kid');
    t.equal(key.n?.length, 342, '2048-bit modulus');
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']) t.notOk(secret in key, `no private member ${secret}`);
  }
  t.not(jwks.keys[0]?.kid, jwks.keys[1]?.kid);
  t.notMatch(res.body, /"(d|p|q|dp|dq|qi)":/, 'no private member anywhere in the document');

  const other = (await app.inject({ url: `/${EMAIL_POOL_ID}/.well-known/jwks.json` })).json() as { keys: Array<{ kid: string }> };
  t.equal(other.keys.length, 2);
  t.equal(other.keys.filter((k) => jwks.keys.some((mine) => mine.kid === k.kid)).length, 0, 'each pool has its own keys');
});

t.test('unknown pools → 404 for both documents', async (t) => {
  const { app } = await testEmulator(t);
  for (const pool of ['us-east-1_Unknown00', 'us-east-1_testpool1', 'not-a-pool', '__proto__', 'constructor']) {
    for (const doc of ['openid-configuration', 'jwks.json']) {
      const res = await app.inject({ url: `/${pool}/.well-known/${doc}` });
      t.equal(res.statusCode, 404, `${pool} ${doc}`);
      t.notMatch(res.body, /"keys"|"issuer"/, `${pool} ${doc}: no document`);
    }
  }
  const wrongPath = await app.inject({ url: `/${POOL_ID}/.well-known/jwks` });
  t.equal(wrongPath.statusCode, 404);
});
