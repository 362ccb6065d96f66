// USER_SRP_AUTH through the real AWS SDK v3, with the client's half computed by
// amazon-cognito-identity-js's AuthenticationHelper: success, every failure path,
// SECRET_BLOCK and TIMESTAMP handling, PreventUserExistenceErrors and SECRET_HASH.
import {
  AdminInitiateAuthCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { srpTimestamp } from '../../src/domain/srp.js';
import {
  EMAIL_POOL_ID,
  PUBLIC_CLIENT,
  SECRET,
  SECRET_CLIENT,
  ADMIN_ONLY_CLIENT,
  EMAIL_CLIENT,
  ENABLED_CLIENT,
  PASSWORD,
  POOL_ID,
  TEMP_PASSWORD,
  authFixture,
} from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

import { secretHash } from '../helpers/secret-hash.js';
import { srpClient, verifyApiTokens } from '../helpers/auth.js';

const server = await testEmulator(t, { listen: true, fixture: authFixture() });
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
t.afterEach(() => {
  server.clock.offsetMs = 0;
});

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374F' +
  'E1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA' +
  '48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E77' +
  '2C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521AB' +
  'DF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733E' +
  'C86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

/** InitiateAuth USER_SRP_AUTH. `fast`: the test's own client half instead of the library's (see srpClient). */
async function start(username: string, clientId = PUBLIC_CLIENT, poolId = POOL_ID, fast = false) {
  const client = await srpClient(poolId, { fast });
  const out = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, SRP_A: client.SRP_A },
    }),
  );
  return { client, out };
}
const startFast = (username: string, clientId = PUBLIC_CLIENT) => start(username, clientId, POOL_ID, true);

const respond = (responses: Record<string, string>, ClientId = PUBLIC_CLIENT) =>
  sdk.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: responses }));

t.test('PASSWORD_VERIFIER challenge, then tokens', async (t) => {
  const { client, out } = await start('alice');
  t.equal(out.ChallengeName, 'PASSWORD_VERIFIER');
  t.equal(out.Session, undefined, 'no Session with PASSWORD_VERIFIER, as observed');
  const p = out.ChallengeParameters ?? {};
  t.same(Object.keys(p), ['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
  t.match(p.SALT, /^[1-9a-f][0-9a-f]{0,31}$/, 'minimal hex salt');
  t.match(p.SRP_B, /^[1-9a-f][0-9a-f]*$/, 'minimal hex B');
  t.equal(p.USERNAME, 'alice');
  t.equal(p.USER_ID_FOR_SRP, 'alice');
  t.ok(Buffer.from(p.SECRET_BLOCK ?? '', 'base64').length > 100, 'an opaque base64 SECRET_BLOCK');
  t.notOk(
    Buffer.from(p.SECRET_BLOCK ?? '', 'base64')
      .toString('latin1')
      .includes('alice'),
    'encrypted',
  );
  const again = await startFast('alice');
  t.equal(again.out.ChallengeParameters?.SALT, p.SALT, "the user's salt is stable");
  t.not(again.out.ChallengeParameters?.SRP_B, p.SRP_B, 'B is fresh each time');

  const done = await respond(await client.respond(p, PASSWORD));
  t.same(done.ChallengeParameters, {});
  const { id, access } = await verifyApiTokens(server.url, server.deps.urls.issuer(POOL_ID), PUBLIC_CLIENT, done.AuthenticationResult);
  t.equal(id['cognito:username'], 'alice');
  t.equal(access.scope, 'aws.cognito.signin.user.admin');
  t.ok(done.AuthenticationResult?.RefreshToken);
});

t.test('wrong password, reused or forged SECRET_BLOCK, bad TIMESTAMP', async (t) => {
  const wrong = await startFast('srpuser');
  await rejectsWith(
    t,
    respond(await wrong.client.respond(wrong.out.ChallengeParameters, 'Wrong-Passw0rd!')),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );

  const used = await startFast('srpuser');
  const answer = await used.client.respond(used.out.ChallengeParameters, PASSWORD);
  t.ok((await respond(answer)).AuthenticationResult?.AccessToken);
  await rejectsWith(t, respond(answer), 'NotAuthorizedException', 'Invalid session for the user, session is expired.');

  const forged = await startFast('srpuser');
  const block = Buffer.from(forged.out.ChallengeParameters?.SECRET_BLOCK ?? '', 'base64');
  block[40] = (block[40] ?? 0) ^ 1;
  const tampered = { ...forged.out.ChallengeParameters, SECRET_BLOCK: block.toString('base64') };
  await rejectsWith(
    t,
    respond(await forged.client.respond(tampered, PASSWORD)),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );

  const old = await startFast('srpuser');
  const stale = await old.client.respond(old.out.ChallengeParameters, PASSWORD, srpTimestamp(Date.now() - 6 * 60_000));
  await rejectsWith(t, respond(stale), 'NotAuthorizedException', 'Incorrect username or password.');

  const padded = await startFast('srpuser');
  const ok = await padded.client.respond(padded.out.ChallengeParameters, PASSWORD, srpTimestamp(Date.now() - 4 * 60_000));
  t.ok((await respond(ok)).AuthenticationResult, 'within the 5-minute skew');

  const bad = await startFast('srpuser');
  await rejectsWith(
    t,
    respond(await bad.client.respond(bad.out.ChallengeParameters, PASSWORD, '2026-03-03T09:05:07Z')),
    'InvalidParameterException',
    'TIMESTAMP must look like "Tue Mar 3 09:05:07 UTC 2026" (EEE MMM d HH:mm:ss UTC yyyy)',
  );

  const expired = await startFast('srpuser');
  server.clock.offsetMs = 3 * 60_000 + 1000;
  await rejectsWith(
    t,
    respond(await expired.client.respond(expired.out.ChallengeParameters, PASSWORD)),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
});

t.test('a moved emulator clock does not break clients that sign with the real time', async (t) => {
  server.clock.offsetMs = 2 * 3600_000;
  const { client, out } = await startFast('srpuser');
  t.ok((await respond(await client.respond(out.ChallengeParameters, PASSWORD))).AuthenticationResult);
});

t.test('unknown users: LEGACY says so, ENABLED fails only at the proof', async (t) => {
  const client = await srpClient(POOL_ID, { fast: true });
  await rejectsWith(
    t,
    sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: PUBLIC_CLIENT,
        AuthParameters: { USERNAME: 'nobody', SRP_A: client.SRP_A },
      }),
    ),
    'UserNotFoundException',
    'User does not exist.',
  );
  const decoy = await start('nobody', ENABLED_CLIENT);
  const p = decoy.out.ChallengeParameters ?? {};
  t.equal(decoy.out.ChallengeName, 'PASSWORD_VERIFIER');
  t.equal(p.USER_ID_FOR_SRP, 'nobody');
  t.equal((await startFast('nobody', ENABLED_CLIENT)).out.ChallengeParameters?.SALT, p.SALT, 'a stable decoy salt');
  await rejectsWith(
    t,
    respond(await decoy.client.respond(p, PASSWORD), ENABLED_CLIENT),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  const real = await startFast('alice', ENABLED_CLIENT);
  t.ok((await respond(await real.client.respond(real.out.ChallengeParameters, PASSWORD), ENABLED_CLIENT)).AuthenticationResult);
});

t.test('user states, flows and input checks', async (t) => {
  const srpA = (await srpClient(POOL_ID, { fast: true })).SRP_A;
  const init = (USERNAME: string, SRP_A = srpA, ClientId = PUBLIC_CLIENT) =>
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId, AuthParameters: { USERNAME, SRP_A } }));
  await rejectsWith(t, init('carol'), 'NotAuthorizedException', 'User is disabled.');
  // Unconfirmed users get no challenge; reset-required ones hear it only after a correct proof.
  await rejectsWith(t, init('dave'), 'UserNotConfirmedException', 'User is not confirmed.');
  const rita = await startFast('rita');
  await rejectsWith(
    t,
    respond(await rita.client.respond(rita.out.ChallengeParameters, 'wrong-Passw0rd!')),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  const rita2 = await startFast('rita');
  await rejectsWith(
    t,
    respond(await rita2.client.respond(rita2.out.ChallengeParameters, PASSWORD)),
    'PasswordResetRequiredException',
    'Password reset required for the user',
  );
  await rejectsWith(t, init('alice', srpA, ADMIN_ONLY_CLIENT), 'InvalidParameterException', 'Auth flow not enabled for this client');
  for (const bad of ['0', N_HEX, `${N_HEX}00`, 'xyz']) {
    await rejectsWith(t, init('alice', bad), 'InvalidParameterException', 'SRP_A must be a hexadecimal number that is not 0 mod N');
  }
  await rejectsWith(
    t,
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice' } })),
    'InvalidParameterException',
    'Missing required parameter SRP_A',
  );
  await rejectsWith(
    t,
    respond({ USERNAME: 'alice' }),
    'InvalidParameterException',
    'Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK',
  );

  const other = await startFast('alice');
  const answer = await other.client.respond(other.out.ChallengeParameters, PASSWORD);
  await rejectsWith(t, respond(answer, ENABLED_CLIENT), 'NotAuthorizedException', 'Invalid session for the user, session is expired.');
});

t.test('FORCE_CHANGE_PASSWORD users get NEW_PASSWORD_REQUIRED after the SRP proof', async (t) => {
  const { client, out } = await startFast('fcp5');
  const next = await respond(await client.respond(out.ChallengeParameters, TEMP_PASSWORD));
  t.equal(next.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  t.equal(next.ChallengeParameters?.USER_ID_FOR_SRP, 'fcp5');
  t.ok(next.Session);
});

t.test('email-as-username pool: USER_ID_FOR_SRP is the internal username', async (t) => {
  const { client, out } = await start('erin@example.com', EMAIL_CLIENT, EMAIL_POOL_ID);
  const internal = server.deps.store.findUserByAttribute(EMAIL_POOL_ID, 'email', 'erin@example.com')?.Username;
  t.ok(internal && internal !== 'erin@example.com');
  t.equal(out.ChallengeParameters?.USER_ID_FOR_SRP, internal);
  const done = await respond(await client.respond(out.ChallengeParameters, PASSWORD), EMAIL_CLIENT);
  const { id } = await verifyApiTokens(server.url, server.deps.urls.issuer(EMAIL_POOL_ID), EMAIL_CLIENT, done.AuthenticationResult);
  t.equal(id['cognito:username'], internal);
  t.equal(id.email, 'erin@example.com');
});

t.test('AdminInitiateAuth USER_SRP_AUTH with SECRET_HASH on a legacy-flows client', async (t) => {
  const client = await srpClient(POOL_ID, { fast: true });
  const hash = (u: string) => secretHash(SECRET, u, SECRET_CLIENT);
  const init = (extra: Record<string, string>): Promise<InitiateAuthCommandOutput> =>
    sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: POOL_ID,
        ClientId: SECRET_CLIENT,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'alice', SRP_A: client.SRP_A, ...extra },
      }),
    );
  await rejectsWith(
    t,
    init({}),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  const out = await init({ SECRET_HASH: hash('alice') });
  const answer = await client.respond(out.ChallengeParameters, PASSWORD);
  await rejectsWith(
    t,
    respond(answer, SECRET_CLIENT),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  const done = await respond({ ...answer, SECRET_HASH: hash('alice') }, SECRET_CLIENT);
  t.equal(done.AuthenticationResult?.ExpiresIn, 1800);
});
