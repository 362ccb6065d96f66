// InitiateAuth USER_PASSWORD_AUTH and AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH
// through the real AWS SDK v3 against a listening emulator: tokens, ExplicitAuthFlows, SECRET_HASH,
// and every user state (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html).
import { AdminInitiateAuthCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import {
  PUBLIC_CLIENT,
  SECRET,
  SECRET_CLIENT,
  ADMIN_ONLY_CLIENT,
  DEFAULT_FLOWS_CLIENT,
  ENABLED_CLIENT,
  LEGACY_PASSWORD_CLIENT,
  PASSWORD,
  POOL_ID,
  authFixture,
} from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

import { secretHash } from '../helpers/secret-hash.js';
import { verifyApiTokens } from '../helpers/auth.js';

const server = await testEmulator(t, { listen: true, fixture: authFixture() });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
const issuer = server.deps.urls.issuer(POOL_ID);

const passwordAuth = (USERNAME: string, PASSWORD_: string, ClientId = PUBLIC_CLIENT) =>
  sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD: PASSWORD_ } }));

const adminAuth = (
  AuthParameters: Record<string, string>,
  AuthFlow: 'ADMIN_NO_SRP_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' = 'ADMIN_NO_SRP_AUTH',
  ClientId = SECRET_CLIENT,
) => sdk.send(new AdminInitiateAuthCommand({ UserPoolId: POOL_ID, ClientId, AuthFlow, AuthParameters }));

t.test('USER_PASSWORD_AUTH: API tokens that verify against the JWKS', async (t) => {
  const out = await passwordAuth('alice', PASSWORD);
  t.same(out.ChallengeParameters, {});
  t.equal(out.ChallengeName, undefined);
  t.equal(out.Session, undefined);
  const result = out.AuthenticationResult;
  t.equal(result?.TokenType, 'Bearer');
  t.equal(result?.ExpiresIn, 3600);
  t.match(result?.RefreshToken, /^eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ\./);
  const { id, access } = await verifyApiTokens(server.url, issuer, PUBLIC_CLIENT, result);
  t.equal(id['cognito:username'], 'alice');
  t.equal(id.email, 'alice@example.com');
  t.equal(id.at_hash, undefined, 'no at_hash from the API');
  t.equal(access.scope, 'aws.cognito.signin.user.admin');
  t.equal(access.client_id, PUBLIC_CLIENT);
  t.equal(access.username, 'alice');
  t.equal(access.version, undefined, 'no version claim from the API');
  t.same(access['cognito:groups'], ['admins', 'readers']);
});

t.test('the wire body: AuthenticationResult keys alphabetical, then empty ChallengeParameters', async (t) => {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
  });
  t.equal(res.status, 200);
  const text = await res.text();
  t.match(
    text,
    new RegExp(
      '^\\{"AuthenticationResult":\\{"AccessToken":"[^"]+","ExpiresIn":3600,"IdToken":"[^"]+","RefreshToken":"[^"]+",' +
        '"TokenType":"Bearer"\\},"ChallengeParameters":\\{\\}\\}$',
    ),
  );
});

t.test('users in every state, LEGACY client', async (t) => {
  await rejectsWith(t, passwordAuth('nobody', PASSWORD), 'UserNotFoundException', 'User does not exist.');
  await rejectsWith(t, passwordAuth('alice', 'wrong-Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
  await rejectsWith(t, passwordAuth('carol', PASSWORD), 'NotAuthorizedException', 'User is disabled.');
  await rejectsWith(t, passwordAuth('dave', PASSWORD), 'UserNotConfirmedException', 'User is not confirmed.');
  // Unconfirmed whatever the password; reset-required only with the right one (observed Cognito).
  await rejectsWith(t, passwordAuth('dave', 'wrong'), 'UserNotConfirmedException', 'User is not confirmed.');
  await rejectsWith(t, passwordAuth('rita', PASSWORD), 'PasswordResetRequiredException', 'Password reset required for the user');
  await rejectsWith(t, passwordAuth('rita', 'wrong'), 'NotAuthorizedException', 'Incorrect username or password.');
  await rejectsWith(t, passwordAuth('carol', 'wrong'), 'NotAuthorizedException', 'User is disabled.');
  // This pool has no sign-in aliases: an email is just an unknown username.
  await rejectsWith(t, passwordAuth('alice@example.com', PASSWORD), 'UserNotFoundException', 'User does not exist.');
});

t.test('PreventUserExistenceErrors ENABLED hides unknown users', async (t) => {
  await rejectsWith(t, passwordAuth('nobody', PASSWORD, ENABLED_CLIENT), 'NotAuthorizedException', 'Incorrect username or password.');
  const out = await passwordAuth('alice', PASSWORD, ENABLED_CLIENT);
  t.ok(out.AuthenticationResult?.AccessToken);
});

t.test('ExplicitAuthFlows are enforced', async (t) => {
  await rejectsWith(
    t,
    passwordAuth('alice', PASSWORD, DEFAULT_FLOWS_CLIENT),
    'InvalidParameterException',
    'USER_PASSWORD_AUTH flow not enabled for this client',
  );
  await rejectsWith(
    t,
    passwordAuth('alice', PASSWORD, ADMIN_ONLY_CLIENT),
    'InvalidParameterException',
    'USER_PASSWORD_AUTH flow not enabled for this client',
  );
  await rejectsWith(
    t,
    adminAuth({ USERNAME: 'alice', PASSWORD }, 'ADMIN_USER_PASSWORD_AUTH', PUBLIC_CLIENT),
    'InvalidParameterException',
    'Auth flow not enabled for this client',
  );
  const legacy = await passwordAuth('alice', PASSWORD, LEGACY_PASSWORD_CLIENT);
  t.ok(legacy.AuthenticationResult?.IdToken, 'legacy name USER_PASSWORD_AUTH enables the flow');
  const admin = await adminAuth({ USERNAME: 'alice', PASSWORD }, 'ADMIN_USER_PASSWORD_AUTH', ADMIN_ONLY_CLIENT);
  t.ok(admin.AuthenticationResult?.IdToken);
});

t.test('flows belong to one operation; bad input', async (t) => {
  await rejectsWith(
    t,
    sdk.send(
      new InitiateAuthCommand({ AuthFlow: 'ADMIN_NO_SRP_AUTH', ClientId: SECRET_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    ),
    'InvalidParameterException',
    'Initiate Auth method not supported.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        ClientId: PUBLIC_CLIENT,
        AuthParameters: { USERNAME: 'alice', PASSWORD },
      }),
    ),
    'InvalidParameterException',
    'Initiate Auth method not supported.',
  );
  await rejectsWith(
    t,
    adminAuth({ USERNAME: 'alice', PASSWORD }, 'USER_PASSWORD_AUTH' as 'ADMIN_NO_SRP_AUTH', PUBLIC_CLIENT),
    'InvalidParameterException',
    'Initiate Auth method not supported.',
  );
  await rejectsWith(
    t,
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'BOGUS' as 'USER_SRP_AUTH', ClientId: PUBLIC_CLIENT })),
    'InvalidParameterException',
    "1 validation error detected: Value 'BOGUS' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: " +
      '[USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ' +
      'ADMIN_USER_PASSWORD_AUTH, USER_AUTH]',
  );
  // USER_AUTH needs ALLOW_USER_AUTH on the client (test/mfa/user-auth.test.ts covers the flow).
  await rejectsWith(
    t,
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: PUBLIC_CLIENT })),
    'InvalidParameterException',
    'Auth flow not enabled for this client',
  );
  await rejectsWith(
    t,
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'nosuchclient' })),
    'ResourceNotFoundException',
    'User pool client nosuchclient does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { PASSWORD } })),
    'InvalidParameterException',
    'Missing required parameter USERNAME',
  );
  await rejectsWith(
    t,
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice' } })),
    'InvalidParameterException',
    'Missing required parameter PASSWORD',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminInitiateAuthCommand({ UserPoolId: 'us-east-1_Nope00000', ClientId: SECRET_CLIENT, AuthFlow: 'ADMIN_NO_SRP_AUTH' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope00000 does not exist.',
  );
});

// The seed article's setup: a confidential client with ADMIN_NO_SRP_AUTH signing users in from a server.
t.test('AdminInitiateAuth ADMIN_NO_SRP_AUTH with SECRET_HASH (confidential client)', async (t) => {
  await rejectsWith(
    t,
    adminAuth({ USERNAME: 'alice', PASSWORD }),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  await rejectsWith(
    t,
    adminAuth({ USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash(SECRET, 'bob', SECRET_CLIENT) }),
    'NotAuthorizedException',
    `Unable to verify secret hash for client ${SECRET_CLIENT}`,
  );
  await rejectsWith(
    t,
    adminAuth({ USERNAME: 'nobody', PASSWORD, SECRET_HASH: 'AAAA' }),
    'NotAuthorizedException',
    `Unable to verify secret hash for client ${SECRET_CLIENT}`,
  );
  for (const flow of ['ADMIN_NO_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH'] as const) {
    const out = await adminAuth({ USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash(SECRET, 'alice', SECRET_CLIENT) }, flow);
    t.equal(out.AuthenticationResult?.ExpiresIn, 1800, "the client's 30-minute access tokens");
    const { id, access } = await verifyApiTokens(server.url, issuer, SECRET_CLIENT, out.AuthenticationResult);
    t.equal(id.exp! - id.iat!, 45 * 60);
    t.equal(access.scope, 'aws.cognito.signin.user.admin');
  }
  await rejectsWith(
    t,
    adminAuth({ USERNAME: 'alice', PASSWORD: 'nope', SECRET_HASH: secretHash(SECRET, 'alice', SECRET_CLIENT) }),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  await rejectsWith(
    t,
    adminAuth({ USERNAME: 'nobody', PASSWORD, SECRET_HASH: secretHash(SECRET, 'nobody', SECRET_CLIENT) }),
    'UserNotFoundException',
    'User does not exist.',
  );
});
