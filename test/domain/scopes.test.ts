// Scope rules of /oauth2/authorize and /oauth2/token, on their own (src/domain/scopes.ts):
// https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
import t from 'tap';
import type { AppClient, ResourceServer } from '../../src/domain/model.js';
import { grantClientScopes, grantUserScopes, isCustomScope, parseScope, scopeExists } from '../../src/domain/scopes.js';

const API = 'https://api.test.example';
const SERVERS: ResourceServer[] = [
  {
    UserPoolId: 'p',
    Identifier: API,
    Name: 'api',
    Scopes: [
      { ScopeName: 'read', ScopeDescription: 'r' },
      { ScopeName: 'write', ScopeDescription: 'w' },
    ],
  },
];
const client = (AllowedOAuthScopes: string[]) => ({ AllowedOAuthScopes }) as AppClient;

t.test('parseScope: space-separated, order kept, duplicates and empty parts dropped, "+" kept', async (t) => {
  t.same(parseScope(undefined), []);
  t.same(parseScope(''), []);
  t.same(parseScope('openid  email openid'), ['openid', 'email']);
  t.same(parseScope('a+b'), ['a+b'], 'bodies are already decoded: a literal + belongs to the scope');
});

t.test('isCustomScope / scopeExists: standard scopes always exist, custom ones while their server defines them', async (t) => {
  t.notOk(isCustomScope('openid'));
  t.notOk(isCustomScope('aws.cognito.signin.user.admin'));
  t.ok(isCustomScope(`${API}/read`));
  t.ok(scopeExists('email', []));
  t.ok(scopeExists(`${API}/write`, SERVERS));
  t.notOk(scopeExists(`${API}/delete`, SERVERS), 'not defined on the server');
  t.notOk(scopeExists(`${API}/read`, []), 'server deleted');
});

t.test('grantUserScopes: the client limits the scopes; omitted = all of the client', async (t) => {
  const c = client(['openid', 'email', 'profile', `${API}/read`]);
  t.same(grantUserScopes([], c, SERVERS), ['openid', 'email', 'profile', `${API}/read`]);
  t.same(grantUserScopes(['openid', `${API}/read`], c, SERVERS), ['openid', `${API}/read`]);
  t.equal(grantUserScopes(['openid', `${API}/write`], c, SERVERS), undefined, 'a scope the client may not have');
  t.equal(grantUserScopes(['openid', 'phone'], c, SERVERS), undefined, 'phone is not enabled on the client');
});

t.test('grantUserScopes: email, phone and profile need openid', async (t) => {
  const c = client(['openid', 'email', 'phone', 'profile', `${API}/read`]);
  for (const s of ['email', 'phone', 'profile']) t.equal(grantUserScopes([s], c, SERVERS), undefined, `${s} without openid`);
  t.same(grantUserScopes([`${API}/read`], c, SERVERS), [`${API}/read`], 'a custom scope alone is fine');
});

t.test('grantUserScopes: a custom scope whose server no longer defines it is dropped silently', async (t) => {
  const c = client(['openid', `${API}/read`]);
  t.same(grantUserScopes(['openid', `${API}/read`], c, []), ['openid']);
});

t.test('grantClientScopes: client_credentials gets custom scopes only; omitted = all of them', async (t) => {
  const c = client(['openid', `${API}/read`, `${API}/write`]);
  t.same(grantClientScopes([], c, SERVERS), [`${API}/read`, `${API}/write`]);
  t.same(grantClientScopes([`${API}/write`], c, SERVERS), [`${API}/write`]);
  t.equal(grantClientScopes(['openid'], c, SERVERS), undefined, 'no standard scope in client_credentials');
  t.equal(grantClientScopes([`${API}/other`], c, SERVERS), undefined, 'not allowed');
  t.equal(grantClientScopes([], client(['openid']), SERVERS), undefined, 'a client without custom scopes gets nothing');
  t.equal(grantClientScopes([], c, []), undefined, 'every server deleted');
});
