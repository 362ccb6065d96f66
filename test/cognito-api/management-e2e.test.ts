// End to end: a pool, resource server, group, app clients and user created ONLY through the AWS
// SDK work at once on the OAuth endpoints (hosted sign-in over real HTTP, code + PKCE, and
// client_credentials), and their tokens verify against the new pool's JWKS with jose.
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import t from 'tap';
import { hostedLogin } from '../helpers/hosted-login.js';
import { sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const server = await testEmulator(t, { listen: true });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());

const API = 'https://api.e2e.example';
const SCOPE = `${API}/orders.read`;
const CALLBACK = 'http://localhost:4000/cb';
const PASSWORD = 'Sdk-Passw0rd!';

// Everything below comes from the SDK; nothing is in the fixture.
const poolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'e2e', AutoVerifiedAttributes: ['email'] }))).UserPool?.Id ?? '';
await sdk.send(
  new CreateResourceServerCommand({
    UserPoolId: poolId,
    Identifier: API,
    Name: 'Orders',
    Scopes: [{ ScopeName: 'orders.read', ScopeDescription: 'Read orders' }],
  }),
);
await sdk.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'staff' }));
await sdk.send(
  new AdminCreateUserCommand({
    UserPoolId: poolId,
    Username: 'zoe',
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: 'zoe@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ],
  }),
);
await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'zoe', Password: PASSWORD, Permanent: true }));
await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'zoe', GroupName: 'staff' }));

const issuer = `${server.url}/${poolId}`;
const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

const tokenRequest = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });

t.test('code flow with PKCE through the hosted sign-in, for an SDK-made client and user', async (t) => {
  const client = (
    await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        CallbackURLs: [CALLBACK],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', SCOPE],
        AllowedOAuthFlowsUserPoolClient: true,
        SupportedIdentityProviders: ['COGNITO'],
      }),
    )
  ).UserPoolClient;
  const clientId = client?.ClientId ?? '';
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(`${server.url}/oauth2/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CALLBACK,
    scope: `openid email ${SCOPE}`,
    state: 'st-1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const { location } = await hostedLogin(authorize, 'zoe', PASSWORD);
  t.equal(`${location.origin}${location.pathname}`, CALLBACK);
  t.equal(location.searchParams.get('state'), 'st-1');
  const code = location.searchParams.get('code') ?? '';
  const res = await tokenRequest({
    grant_type: 'authorization_code',
    client_id: clientId,
    code,
    redirect_uri: CALLBACK,
    code_verifier: verifier,
  });
  t.equal(res.status, 200);
  const tokens = (await res.json()) as { access_token: string; id_token: string; refresh_token: string; token_type: string };
  t.equal(tokens.token_type, 'Bearer');
  const access = await jwtVerify(tokens.access_token, jwks, { issuer, algorithms: ['RS256'] });
  t.equal(access.payload.token_use, 'access');
  t.equal(access.payload.client_id, clientId);
  t.equal(access.payload.username, 'zoe');
  t.ok(String(access.payload.scope).split(' ').includes(SCOPE), `access-token scope has ${SCOPE}: ${String(access.payload.scope)}`);
  t.same(access.payload['cognito:groups'], ['staff'], 'group membership made through the SDK');
  const id = await jwtVerify(tokens.id_token, jwks, { issuer, audience: clientId, algorithms: ['RS256'] });
  t.equal(id.payload['cognito:username'], 'zoe');
  t.equal(id.payload.email, 'zoe@example.com');
  t.not(access.protectedHeader.kid, id.protectedHeader.kid, 'ID and access tokens signed by different keys');
});

t.test('client_credentials for an SDK-made confidential client', async (t) => {
  const client = (
    await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'machine',
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [SCOPE],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    )
  ).UserPoolClient;
  const basic = `Basic ${Buffer.from(`${client?.ClientId}:${client?.ClientSecret}`).toString('base64')}`;
  const res = await tokenRequest({ grant_type: 'client_credentials', scope: SCOPE }, { authorization: basic });
  t.equal(res.status, 200);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  t.equal(body.expires_in, 3600);
  const { payload } = await jwtVerify(body.access_token, jwks, { issuer, algorithms: ['RS256'] });
  t.equal(payload.token_use, 'access');
  t.equal(payload.client_id, client?.ClientId);
  t.equal(payload.sub, client?.ClientId);
  t.equal(payload.scope, SCOPE);
  const wrong = await tokenRequest(
    { grant_type: 'client_credentials' },
    { authorization: `Basic ${Buffer.from(`${client?.ClientId}:nope`).toString('base64')}` },
  );
  t.equal(wrong.status, 400);
  t.same(await wrong.json(), { error: 'invalid_client' });
});

t.test('AllowedOAuthFlowsUserPoolClient defaults to false via the API; UpdateUserPoolClient turns it on', async (t) => {
  const settings = { UserPoolId: poolId, CallbackURLs: [CALLBACK], AllowedOAuthFlows: ['code' as const], AllowedOAuthScopes: ['openid'] };
  const clientId = (await sdk.send(new CreateUserPoolClientCommand({ ...settings, ClientName: 'not-yet' }))).UserPoolClient?.ClientId ?? '';
  const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: CALLBACK }).toString();
  const refused = await fetch(`${server.url}/oauth2/authorize?${query}`, { redirect: 'manual' });
  t.equal(refused.status, 302);
  t.equal(refused.headers.get('location'), `/error?error=unauthorized_client&client_id=${clientId}`);
  await sdk.send(new UpdateUserPoolClientCommand({ ...settings, ClientId: clientId, AllowedOAuthFlowsUserPoolClient: true }));
  const allowed = await fetch(`${server.url}/oauth2/authorize?${query}`, { redirect: 'manual' });
  t.equal(allowed.status, 302);
  t.equal(allowed.headers.get('location'), `${server.url}/login?${query}`);
});
