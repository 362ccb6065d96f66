// Parallel test runners racing for the same code, user or record.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Agent, request } from 'undici';
import { OffsetClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createEmulator } from '../../src/emulator.js';
import { parseFixture } from '../../src/fixtures/load.js';
import { testEmulator } from '../helpers/harness.js';
import { CALLBACK, POOL_ID, PUBLIC_CLIENT, TEST_FIXTURE } from '../helpers/fixtures/index.js';
import { signIn } from '../helpers/flow.js';

const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-races-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

async function api(app: FastifyInstance, operation: string, input: object) {
  const res = await app.inject({
    method: 'POST',
    url: '/',
    payload: JSON.stringify(input),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

const createUser = (app: FastifyInstance, username: string) =>
  api(app, 'AdminCreateUser', {
    UserPoolId: POOL_ID,
    Username: username,
    TemporaryPassword: 'TempPassw0rd!',
    MessageAction: 'SUPPRESS',
  });

async function usernames(app: FastifyInstance): Promise<string[]> {
  const names: string[] = [];
  let token: unknown;
  do {
    const page = await api(app, 'ListUsers', { UserPoolId: POOL_ID, Limit: 60, ...(token ? { PaginationToken: token } : {}) });
    names.push(...(page.body.Users as Array<{ Username: string }>).map((u) => u.Username));
    token = page.body.PaginationToken;
  } while (token);
  return names.sort();
}

t.test('a code redeemed by 20 concurrent requests over a real socket succeeds exactly once', async (t) => {
  const server = await testEmulator(t, { listen: true });
  const { code } = await signIn(server.app);
  const dispatcher = new Agent({ connections: 20 });
  t.teardown(() => dispatcher.close());
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK }).toString();
  const answers = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const res = await request(`${server.url}/oauth2/token`, {
        dispatcher,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
    }),
  );
  const ok = answers.filter((a) => a.status === 200);
  t.equal(ok.length, 1, 'exactly one redemption succeeds');
  t.type(ok[0]?.json.access_token, 'string');
  t.same(
    answers.filter((a) => a.status !== 200).map((a) => [a.status, a.json]),
    Array(19).fill([400, { error: 'invalid_grant' }]),
    'the 19 others are invalid_grant',
  );
});

t.test('50 concurrent AdminCreateUser of distinct users all persist, in memory and in DATA_FILE across a restart', async (t) => {
  const dataFile = join(dir, 'distinct.json');
  const start = async () => {
    const config = { ...loadConfig([], {}), publicUrl: 'http://localhost:9229', fixtures: undefined, dataFile };
    return createEmulator({
      config,
      fixtures: [parseFixture('test-fixture.json', JSON.stringify(TEST_FIXTURE))],
      clock: new OffsetClock(),
    });
  };
  const first = await start();
  const names = Array.from({ length: 50 }, (_, i) => `racer-${String(i).padStart(2, '0')}`);
  const results = await Promise.all(names.map((n) => createUser(first.app, n)));
  t.same(
    results.map((r) => r.status),
    Array(50).fill(200),
    'all 50 acknowledged',
  );
  const expected = ['alice', 'bob', 'carol', 'dave', ...names].sort();
  t.same(await usernames(first.app), expected, 'ListUsers shows every user');
  await first.app.close();

  const second = await start();
  t.teardown(() => second.app.close());
  t.same(await usernames(second.app), expected, 'after a restart on the same DATA_FILE, every user is still there');
  const one = await api(second.app, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'racer-42' });
  t.equal(one.body.UserStatus, 'FORCE_CHANGE_PASSWORD');
});

t.test('20 concurrent AdminCreateUser of the same username: one success, UsernameExistsException for the rest', async (t) => {
  const { app } = await testEmulator(t);
  const results = await Promise.all(Array.from({ length: 20 }, () => createUser(app, 'same-name')));
  t.equal(results.filter((r) => r.status === 200).length, 1, 'one success');
  t.same(
    results.filter((r) => r.status !== 200).map((r) => [r.status, r.body.__type, r.body.message]),
    Array(19).fill([400, 'UsernameExistsException', 'User account already exists']),
  );
  t.equal((await usernames(app)).filter((n) => n === 'same-name').length, 1, 'one record');
});

t.test('concurrent AdminUpdateUserAttributes on different attributes of one user: no lost update', async (t) => {
  const { app } = await testEmulator(t);
  const updates = Array.from({ length: 12 }, (_, i) => ({ Name: `custom:attr${i}`, Value: `value-${i}` }));
  // Custom attributes must be in the pool's schema first.
  const declared = await api(app, 'AddCustomAttributes', {
    UserPoolId: POOL_ID,
    CustomAttributes: updates.map((_, i) => ({ Name: `attr${i}`, AttributeDataType: 'String' })),
  });
  t.equal(declared.status, 200);
  const results = await Promise.all(
    updates.map((u) => api(app, 'AdminUpdateUserAttributes', { UserPoolId: POOL_ID, Username: 'alice', UserAttributes: [u] })),
  );
  t.same(
    results.map((r) => r.status),
    Array(12).fill(200),
  );
  const user = await api(app, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'alice' });
  const attributes = Object.fromEntries((user.body.UserAttributes as Array<{ Name: string; Value: string }>).map((a) => [a.Name, a.Value]));
  for (const u of updates) t.equal(attributes[u.Name], u.Value, `${u.Name} kept`);
  t.equal(attributes.given_name, 'Alice', 'untouched attributes kept');
});

t.test('a password change racing an attribute update or a delete loses nothing and resurrects nothing', async (t) => {
  const { app } = await testEmulator(t);
  // Setting a password hashes it (tens of ms) before writing: writes made meanwhile must survive.
  const [set, update] = await Promise.all([
    api(app, 'AdminSetUserPassword', { UserPoolId: POOL_ID, Username: 'alice', Password: 'Changed0!pass', Permanent: true }),
    api(app, 'AdminUpdateUserAttributes', {
      UserPoolId: POOL_ID,
      Username: 'alice',
      UserAttributes: [{ Name: 'given_name', Value: 'Alicia' }],
    }),
  ]);
  t.same([set.status, update.status], [200, 200]);
  const alice = await api(app, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'alice' });
  const given = (alice.body.UserAttributes as Array<{ Name: string; Value: string }>).find((a) => a.Name === 'given_name');
  t.equal(given?.Value, 'Alicia', 'the attribute update made while the password was hashed is kept');
  const signInWithNew = await api(app, 'InitiateAuth', {
    ClientId: PUBLIC_CLIENT,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'alice', PASSWORD: 'Changed0!pass' },
  });
  t.equal(signInWithNew.status, 200, 'and the new password is in force');
  t.type((signInWithNew.body.AuthenticationResult as { AccessToken?: unknown } | undefined)?.AccessToken, 'string');

  const [setBob, deleted] = await Promise.all([
    api(app, 'AdminSetUserPassword', { UserPoolId: POOL_ID, Username: 'bob', Password: 'Changed0!pass', Permanent: true }),
    api(app, 'AdminDeleteUser', { UserPoolId: POOL_ID, Username: 'bob' }),
  ]);
  t.equal(deleted.status, 200);
  t.same([setBob.status, setBob.body.__type], [400, 'UserNotFoundException'], 'the password change finds the user gone');
  const bob = await api(app, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'bob' });
  t.equal(bob.body.__type, 'UserNotFoundException', 'a deleted user is not brought back by a password change in flight');
});
