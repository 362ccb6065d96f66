// GetClientToken through the real AWS SDK: an access token for a client whose only flow is
// ALLOW_CLIENT_TOKEN_AUTH, proved with either of its secrets; the scopes it asks for or all of its
// custom scopes; Cognito's refusals. The token verifies against the pool's JWKS.
import {
  AddUserPoolClientSecretCommand,
  CreateUserPoolClientCommand,
  type ExplicitAuthFlowsType,
  GetClientTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationV3TriggerHandler } from 'aws-lambda';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import t from 'tap';
import { API, M2M_CLIENT, M2M_SECRET, POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { ARN, Calls, startTriggerServer, triggerFixture } from '../helpers/triggers.js';

const { url } = await testEmulator(t, { listen: true });
const sdk = sdkClient(url);
t.teardown(() => sdk.destroy());
const CLIENT_TOKEN = 'ALLOW_CLIENT_TOKEN_AUTH' as ExplicitAuthFlowsType;
const jwks = createRemoteJWKSet(new URL(`${url}/${POOL_ID}/.well-known/jwks.json`));

const created = (
  await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: POOL_ID,
      ClientName: 'machine',
      GenerateSecret: true,
      ExplicitAuthFlows: [CLIENT_TOKEN],
      AllowedOAuthScopes: [`${API}/read`, `${API}/write`],
    }),
  )
).UserPoolClient!;
const clientId = created.ClientId!;

t.test('a token for the client, with all its scopes or those asked for', async (t) => {
  const all = (await sdk.send(new GetClientTokenCommand({ ClientId: clientId, Secret: created.ClientSecret! })))
    .ClientAuthenticationResult!;
  t.equal(all.TokenType, 'Bearer');
  t.equal(all.ExpiresIn, 3600);
  const { payload } = await jwtVerify(all.AccessToken!, jwks, { issuer: `${url}/${POOL_ID}` });
  t.match(payload, { token_use: 'access', client_id: clientId, sub: clientId, scope: `${API}/read ${API}/write` });

  const second = (await sdk.send(new AddUserPoolClientSecretCommand({ UserPoolId: POOL_ID, ClientId: clientId }))).ClientSecretDescriptor!;
  const one = (
    await sdk.send(new GetClientTokenCommand({ ClientId: clientId, Secret: second.ClientSecretValue!, Scopes: [`${API}/read`] }))
  ).ClientAuthenticationResult!;
  t.equal((await jwtVerify(one.AccessToken!, jwks)).payload.scope, `${API}/read`, 'the second secret works too; only the scope asked for');
});

t.test('Cognito refuses', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new GetClientTokenCommand({ ClientId: clientId, Secret: 'wrong0secret0value0abcdefghijklm' })),
    'NotAuthorizedException',
    `Unable to verify secret for client ${clientId}`,
  );
  await rejectsWith(
    t,
    sdk.send(new GetClientTokenCommand({ ClientId: PUBLIC_CLIENT, Secret: 'any0secret0value0abcdefghijklmno' })),
    'NotAuthorizedException',
    `Unable to verify secret for client ${PUBLIC_CLIENT}`,
  );
  await rejectsWith(
    t,
    sdk.send(new GetClientTokenCommand({ ClientId: M2M_CLIENT, Secret: M2M_SECRET })),
    'InvalidParameterException',
    'ALLOW_CLIENT_TOKEN_AUTH flow not enabled for this client',
  );
  await rejectsWith(
    t,
    sdk.send(new GetClientTokenCommand({ ClientId: clientId, Secret: created.ClientSecret!, Scopes: ['openid'] })),
    'InvalidParameterException',
    'Invalid scope requested',
  );
  await rejectsWith(
    t,
    sdk.send(new GetClientTokenCommand({ ClientId: 'nosuchclient00000000000000', Secret: 'any0secret0value0abcdefghijklmno' })),
    'ResourceNotFoundException',
    'User pool client nosuchclient00000000000000 does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new GetClientTokenCommand({ ClientId: clientId, Secret: 'short' })),
    'InvalidParameterException',
    "1 validation error detected: Value at 'secret' failed to satisfy constraint: Member must have length greater than or equal to 24",
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: POOL_ID,
        ClientName: 'mixed',
        GenerateSecret: true,
        ExplicitAuthFlows: [CLIENT_TOKEN, 'ALLOW_USER_SRP_AUTH'],
      }),
    ),
    'InvalidParameterException',
    'ALLOW_CLIENT_TOKEN_AUTH cannot be combined with other authentication flows.',
  );
});

t.test('ClientMetadata reaches a V3_0 pre token generation trigger', async (t) => {
  const calls = new Calls();
  const v3: PreTokenGenerationV3TriggerHandler = async (event) => {
    calls.record(event);
    event.response.claimsAndScopeOverrideDetails = {
      accessTokenGeneration: { claimsToAddOrOverride: { partner: event.request.clientMetadata?.partner ?? 'none' } },
    };
    return event;
  };
  const server = await startTriggerServer(t, {
    fixture: triggerFixture({
      PreTokenGeneration: ARN('ptg3'),
      PreTokenGenerationConfig: { LambdaVersion: 'V3_0', LambdaArn: ARN('ptg3') },
    }),
    triggers: { ptg3: v3 },
  });
  const machine = (
    await server.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: POOL_ID,
        ClientName: 'machine',
        GenerateSecret: true,
        ExplicitAuthFlows: [CLIENT_TOKEN],
        AllowedOAuthScopes: [`${API}/read`],
      }),
    )
  ).UserPoolClient!;
  const result = (
    await server.sdk.send(
      new GetClientTokenCommand({
        ClientId: machine.ClientId!,
        Secret: machine.ClientSecret!,
        ClientMetadata: { partner: 'p1' },
      }),
    )
  ).ClientAuthenticationResult!;
  t.equal(decodeJwt(result.AccessToken!).partner, 'p1');
  t.match(calls.last('TokenGeneration_ClientCredentials'), {
    callerContext: { clientId: machine.ClientId },
    request: { scopes: [`${API}/read`], clientMetadata: { partner: 'p1' } },
  });
});
