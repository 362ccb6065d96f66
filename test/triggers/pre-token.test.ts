// Pre token generation V1_0 / V2_0 / V3_0: the events for every token path (JSON API sign-in,
// new password, refresh, hosted sign-in, client credentials), every honoured response field, the
// rules Cognito applies (protected claims, suppress over add, groups), TokenCustomization first,
// and the errors (API, token endpoint, hosted sign-in redirect).
import {
  AdminRespondToAuthChallengeCommand,
  InitiateAuthCommand,
  AdminInitiateAuthCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import type {
  PreTokenGenerationV2TriggerEvent,
  PreTokenGenerationV2TriggerHandler,
  PreTokenGenerationTriggerHandler,
  PreTokenGenerationV3TriggerHandler,
} from 'aws-lambda';
import t from 'tap';
import { API, M2M_CLIENT, M2M_SECRET, PASSWORD, PUBLIC_CLIENT, SECRET, SECRET_CLIENT, POOL_ID } from '../helpers/fixtures/index.js';
import { basicAuth, postForm, signIn, signInForTokens } from '../helpers/flow.js';
import { rejectsWith } from '../helpers/sdk.js';
import { secretHash } from '../helpers/secret-hash.js';
import { ARN, Calls, claims, startTriggerServer, triggerFixture } from '../helpers/triggers.js';

const calls = new Calls();
let mode = 'claims';

const v1: PreTokenGenerationTriggerHandler = async (event) => {
  calls.record(event);
  if (mode === 'throw') throw new Error('no tokens today');
  if (mode === 'array') {
    event.response.claimsOverrideDetails = { claimsToAddOrOverride: { list: ['a'] as unknown as string } };
    return event;
  }
  event.response.claimsOverrideDetails = {
    claimsToAddOrOverride: { tenant: 'acme', tier: 'trigger', sub: 'forged', email: 'kept-suppressed@example.com' },
    claimsToSuppress: ['email', 'token_use'],
    ...(mode === 'groups'
      ? {
          groupOverrideDetails: {
            groupsToOverride: ['g1'],
            iamRolesToOverride: ['arn:aws:iam::123456789012:role/r1'],
            preferredRole: 'arn:aws:iam::123456789012:role/r1',
          },
        }
      : {}),
    ...(mode === 'nogroups' ? { groupOverrideDetails: null as never } : {}),
  };
  return event;
};

function v1Fixture(): object {
  const fixture = triggerFixture({ PreTokenGeneration: ARN('ptg') }) as { UserPools: Array<Record<string, unknown>> };
  fixture.UserPools[0]!.TokenCustomization = { IdToken: { ClaimsToAddOrOverride: { tier: 'fixture', plan: 'fixture' } } };
  return fixture;
}

const server = await startTriggerServer(t, { fixture: v1Fixture(), triggers: { ptg: v1 } });
const signInApi = async (USERNAME = 'alice') =>
  (
    await server.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: PUBLIC_CLIENT,
        AuthParameters: { USERNAME, PASSWORD },
        ClientMetadata: { from: 'initiate' },
      }),
    )
  ).AuthenticationResult as AuthenticationResultType;

t.test('V1: the event and the ID token', async (t) => {
  mode = 'claims';
  const result = await signInApi();
  const e = calls.last('TokenGeneration_Authentication');
  t.match(e, {
    version: '1',
    userName: 'alice',
    callerContext: { clientId: PUBLIC_CLIENT },
    request: {
      userAttributes: { email: 'alice@example.com', 'custom:tier': 'gold', 'cognito:user_status': 'CONFIRMED' },
      groupConfiguration: { groupsToOverride: ['admins', 'readers'], iamRolesToOverride: [], preferredRole: null },
    },
    response: { claimsOverrideDetails: null },
  });
  t.notOk('scopes' in (e?.request ?? {}), 'V1 has no scopes');
  t.notOk('clientMetadata' in (e?.request ?? {}), "InitiateAuth's ClientMetadata is not passed");
  const id = claims(result.IdToken);
  t.equal(id.tenant, 'acme', 'claim added');
  t.equal(id.tier, 'trigger', 'the trigger wins over TokenCustomization');
  t.equal(id.plan, 'fixture', 'TokenCustomization still applies');
  t.equal(id.email, undefined, 'suppressed wins over added');
  t.equal(id.token_use, 'id', 'protected claims cannot be suppressed');
  t.not(id.sub, 'forged', 'or overridden');
  t.same(id['cognito:groups'], ['admins', 'readers'], 'groups kept without groupOverrideDetails');
  const access = claims(result.AccessToken);
  t.equal(access.tenant, undefined, 'V1 leaves the access token alone');
});

t.test('V1: groupOverrideDetails replaces groups in both tokens; null suppresses them', async (t) => {
  mode = 'groups';
  let result = await signInApi();
  t.same(claims(result.IdToken)['cognito:groups'], ['g1']);
  t.same(claims(result.IdToken)['cognito:roles'], ['arn:aws:iam::123456789012:role/r1']);
  t.equal(claims(result.IdToken)['cognito:preferred_role'], 'arn:aws:iam::123456789012:role/r1');
  t.same(claims(result.AccessToken)['cognito:groups'], ['g1']);
  t.equal(claims(result.AccessToken)['cognito:roles'], undefined);
  mode = 'nogroups';
  result = await signInApi();
  t.equal(claims(result.IdToken)['cognito:groups'], undefined);
  t.equal(claims(result.AccessToken)['cognito:groups'], undefined);
});

t.test('V1: errors', async (t) => {
  mode = 'array';
  await rejectsWith(t, signInApi(), 'InvalidLambdaResponseException', 'Unrecognizable lambda output');
  mode = 'throw';
  await rejectsWith(t, signInApi(), 'UserLambdaValidationException', 'PreTokenGeneration failed with error no tokens today.');
});

t.test('sources: NewPasswordChallenge with ClientMetadata, RefreshTokens', async (t) => {
  mode = 'claims';
  const start = await server.sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: POOL_ID,
      ClientId: SECRET_CLIENT,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'bob', PASSWORD: 'TempPassw0rd!', SECRET_HASH: secretHash(SECRET, 'bob', SECRET_CLIENT) },
    }),
  );
  t.equal(start.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  const done = await server.sdk.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: POOL_ID,
      ClientId: SECRET_CLIENT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: start.Session,
      ChallengeResponses: { USERNAME: 'bob', NEW_PASSWORD: 'N3w-Passw0rd!', SECRET_HASH: secretHash(SECRET, 'bob', SECRET_CLIENT) },
      ClientMetadata: { from: 'respond' },
    }),
  );
  t.equal(claims(done.AuthenticationResult?.IdToken).tenant, 'acme');
  t.match(calls.last('TokenGeneration_NewPasswordChallenge'), { userName: 'bob', request: { clientMetadata: { from: 'respond' } } });

  const first = await signInApi();
  const refreshed = await server.sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: PUBLIC_CLIENT,
      AuthParameters: { REFRESH_TOKEN: first.RefreshToken ?? '' },
    }),
  );
  t.equal(claims(refreshed.AuthenticationResult?.IdToken).tenant, 'acme');
  t.match(calls.last('TokenGeneration_RefreshTokens'), { userName: 'alice' });
});

t.test('hosted sign-in: TokenGeneration_HostedAuth; a failure goes back to the app', async (t) => {
  mode = 'claims';
  const tokens = await signInForTokens(server.app, { scope: 'openid email' });
  t.equal(claims(tokens.id_token).tenant, 'acme', 'applied to tokens redeemed with the code');
  t.match(calls.last('TokenGeneration_HostedAuth'), { userName: 'alice', callerContext: { clientId: PUBLIC_CLIENT } });
  // The token endpoint's refresh runs the trigger again; a failure there is invalid_request.
  mode = 'throw';
  const refresh = await postForm(server.app, '/oauth2/token', {
    grant_type: 'refresh_token',
    client_id: PUBLIC_CLIENT,
    refresh_token: tokens.refresh_token ?? '',
  });
  t.equal(refresh.statusCode, 400);
  t.same(refresh.json(), { error: 'invalid_request', error_description: 'PreTokenGeneration failed with error no tokens today.' });
  const failed = await signIn(server.app, { state: 'xyz' }).catch((e: Error) => e.message);
  const location = /sign-in failed: 302|no code in (\S+)/.exec(String(failed))?.[1] ?? '';
  const url = new URL(location);
  t.equal(url.origin + url.pathname, 'http://localhost:3000/callback');
  t.equal(url.searchParams.get('error_description'), 'PreTokenGeneration failed with error no tokens today. ', "Cognito's trailing space");
  t.equal(url.searchParams.get('error'), 'invalid_request');
  t.equal(url.searchParams.get('state'), 'xyz');
  t.equal(url.search.indexOf('error_description'), 1, 'error_description first, as observed');
});

t.test('V2: ID and access token claims (any JSON), scopes', async (t) => {
  const v2Calls = new Calls();
  const v2: PreTokenGenerationV2TriggerHandler = async (event: PreTokenGenerationV2TriggerEvent) => {
    v2Calls.record(event);
    event.response.claimsAndScopeOverrideDetails = {
      idTokenGeneration: {
        claimsToAddOrOverride: { roles: ['a', 'b'] as never, profile: { level: 3 } as never },
        claimsToSuppress: ['given_name'],
      },
      accessTokenGeneration: {
        claimsToAddOrOverride: { tenant: 'acme', active: true as never },
        claimsToSuppress: ['username'],
        scopesToAdd: [`${API}/read`, 'extra'],
        scopesToSuppress: ['aws.cognito.signin.user.admin'],
      },
    };
    return event;
  };
  const v2Server = await startTriggerServer(t, {
    fixture: triggerFixture({ PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: ARN('ptg2') } }),
    triggers: { ptg2: v2 },
  });
  const out = await v2Server.sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
  );
  const e = v2Calls.last('TokenGeneration_Authentication');
  t.match(e, { version: '2', request: { scopes: ['aws.cognito.signin.user.admin'] }, response: { claimsAndScopeOverrideDetails: null } });
  const id = claims(out.AuthenticationResult?.IdToken);
  t.same(id.roles, ['a', 'b']);
  t.same(id.profile, { level: 3 });
  t.equal(id.given_name, undefined);
  const access = claims(out.AuthenticationResult?.AccessToken);
  t.equal(access.tenant, 'acme');
  t.equal(access.active, true);
  t.equal(access.username, 'alice', 'username is protected');
  t.equal(access.scope, `${API}/read extra`, 'scopes added and suppressed');
  // V2 does not run for client credentials (V3 only).
  const cc = await postForm(
    v2Server.app,
    '/oauth2/token',
    { grant_type: 'client_credentials' },
    { headers: { authorization: basicAuth(M2M_CLIENT, M2M_SECRET) } },
  );
  t.equal(cc.statusCode, 200);
  t.equal(v2Calls.of('TokenGeneration_ClientCredentials').length, 0);
});

t.test('V3: client credentials with aws_client_metadata', async (t) => {
  const v3Calls = new Calls();
  const v3: PreTokenGenerationV3TriggerHandler = async (event) => {
    v3Calls.record(event);
    event.response.claimsAndScopeOverrideDetails = {
      accessTokenGeneration: {
        claimsToAddOrOverride: { partner: event.request.clientMetadata?.partner ?? 'none' },
        scopesToSuppress: [`${API}/write`],
      },
    };
    return event;
  };
  const v3Server = await startTriggerServer(t, {
    fixture: triggerFixture({
      PreTokenGeneration: ARN('ptg3'),
      PreTokenGenerationConfig: { LambdaVersion: 'V3_0', LambdaArn: ARN('ptg3') },
    }),
    triggers: { ptg3: v3 },
  });
  const res = await postForm(
    v3Server.app,
    '/oauth2/token',
    {
      grant_type: 'client_credentials',
      aws_client_metadata: JSON.stringify({ partner: 'p1' }),
    },
    { headers: { authorization: basicAuth(M2M_CLIENT, M2M_SECRET) } },
  );
  t.equal(res.statusCode, 200);
  const access = claims((res.json() as { access_token: string }).access_token);
  t.equal(access.partner, 'p1');
  t.equal(access.scope, `${API}/read`);
  const e = v3Calls.last('TokenGeneration_ClientCredentials');
  t.match(e, {
    version: '3',
    userName: null,
    callerContext: { clientId: M2M_CLIENT },
    request: { scopes: [`${API}/read`, `${API}/write`], clientMetadata: { partner: 'p1' } },
  });
  // V3 also runs for users, with version "3".
  await v3Server.sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
  );
  t.match(v3Calls.last('TokenGeneration_Authentication'), { version: '3' });
});
