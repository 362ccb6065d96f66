// The lowdb store: a corrupt DATA_FILE stops startup untouched; ids from requests never reach the
// prototype; state written to DATA_FILE survives a reopen.
import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../../src/domain/model.js';
import { StartupError } from '../../src/errors/startup-error.js';
import { emptyData, TABLES } from '../../src/store/data.js';
import { LowdbStore, openLowdbStore } from '../../src/store/lowdb-store.js';

/** A temporary directory removed when the test ends. */
function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-store-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const POOL = 'us-east-1_Store0001';
const user = (Username: string, Attributes: Record<string, string> = {}): User => ({
  UserPoolId: POOL,
  Username,
  Attributes: { sub: `sub-${Username}`, ...Attributes },
  UserStatus: 'CONFIRMED',
  Enabled: true,
  Groups: [],
  UserCreateDate: 0,
  UserLastModifiedDate: 0,
});

t.test('a corrupt data file → StartupError naming it, file untouched', async (t) => {
  const dir = tempDir(t);
  const cases: Array<[string, string, RegExp]> = [
    ['not JSON', '{"version": 1, "pools": {', /: data file is not valid JSON \(.*\); fix or remove it$/],
    ['empty file', '', /: data file is not valid JSON/],
    ['another program’s JSON', '{"users": []}', /: \$\.version: not a cognito-emulator data file \(expected version 1\)$/],
    ['a future version', '{"version": 2}', /: \$\.version: not a cognito-emulator data file/],
    ['a JSON array', '[1]', /: \$\.version: not a cognito-emulator data file/],
    ['JSON null', 'null', /: \$\.version: not a cognito-emulator data file/],
  ];
  for (const [name, content, message] of cases) {
    const dataFile = join(dir, `${name.replace(/\W/g, '')}.json`);
    writeFileSync(dataFile, content);
    let caught: unknown;
    try {
      await openLowdbStore(dataFile);
    } catch (err) {
      caught = err;
    }
    t.type(caught, StartupError, `${name}: StartupError`);
    t.match((caught as Error | undefined)?.message, message, `${name}: message`);
    t.ok((caught as Error | undefined)?.message.startsWith(`${dataFile}: `), `${name}: names the file`);
    t.equal(readFileSync(dataFile, 'utf8'), content, `${name}: file untouched`);
  }
  await t.rejects(
    openLowdbStore(dir),
    { name: 'StartupError', message: new RegExp(`^${dir}: cannot read data file \\(EISDIR\\)$`) },
    'a directory',
  );
});

t.test('state written to DATA_FILE survives a reopen; a missing file starts empty', async (t) => {
  const dataFile = join(tempDir(t), 'data.json');
  const store = await openLowdbStore(dataFile);
  t.same(store.listPools(), []);
  await store.putPool({
    Id: POOL,
    Name: 'p',
    UsernameAttributes: [],
    AliasAttributes: [],
    AutoVerifiedAttributes: [],
    CreationDate: 1,
    LastModifiedDate: 1,
  });
  await store.putUser(user('alice', { email: 'Alice@Example.com' }));
  await store.revokeOrigin('origin-1', Date.now() + 60_000);
  await store.putProvisionedLimit('us-east-1/UserAuthentication', 200);
  await store.flush();

  const reopened = await openLowdbStore(dataFile);
  t.equal(reopened.getPool(POOL)?.Name, 'p');
  t.equal(reopened.getProvisionedLimit('us-east-1/UserAuthentication'), 200, 'account-level provisioned limits too');
  t.equal(reopened.getUser(POOL, 'alice')?.Attributes.sub, 'sub-alice');
  t.equal(
    reopened.findUserByAttribute(POOL, 'email', 'alice@example.com')?.Username,
    'alice',
    'alias index rebuilt, email case-insensitive',
  );
  t.ok(reopened.isOriginRevoked('origin-1'));
  t.equal(JSON.parse(readFileSync(dataFile, 'utf8')).version, 1);
});

t.test('ids from requests never reach Object.prototype', async (t) => {
  const store = await openLowdbStore();
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    t.equal(store.getPool(key), undefined, `pool ${key}`);
    t.equal(store.getClient(key), undefined, `client ${key}`);
    t.equal(store.getUser(POOL, key), undefined, `user ${key}`);
    t.equal(store.getKeys(key), undefined, `keys ${key}`);
    t.equal(store.isOriginRevoked(key), false, `revocation ${key}`);
  }
  await store.putUser(user('__proto__'));
  t.equal(store.getUser(POOL, '__proto__')?.Username, '__proto__', 'stored as a plain key');
  t.equal(({} as Record<string, unknown>).Username, undefined, 'prototype untouched');
});

t.test('deletePool removes the pool from every table keyed by pool, its clients and keys, and nothing of other pools', async (t) => {
  const OTHER = 'us-east-1_Store0002';
  const data = emptyData() as unknown as Record<string, Record<string, unknown>>;
  const twoLevel = Object.entries(TABLES)
    .filter(([, depth]) => depth === 2)
    .map(([table]) => table);
  t.ok(twoLevel.length >= 4, `tables keyed by pool: ${twoLevel.join(', ')}`);
  for (const pool of [POOL, OTHER]) {
    for (const table of twoLevel) (data[table] as Record<string, unknown>)[pool] = { x: { Username: 'x', Attributes: {} } };
    (data.pools as Record<string, unknown>)[pool] = { Id: pool };
    (data.keys as Record<string, unknown>)[pool] = { any: 'keys' };
    (data.clients as Record<string, unknown>)[`client-of-${pool}`] = { ClientId: `client-of-${pool}`, UserPoolId: pool };
  }
  const store = new LowdbStore(data as never);
  await store.deletePool(POOL);
  for (const table of [...twoLevel, 'pools', 'keys']) {
    t.notOk(Object.hasOwn(data[table] ?? {}, POOL), `${table}: the deleted pool is gone`);
    t.ok(Object.hasOwn(data[table] ?? {}, OTHER), `${table}: the other pool is kept`);
  }
  t.same(Object.keys(data.clients ?? {}), [`client-of-${OTHER}`], "only the other pool's client is left");
});

t.test('passkeys are kept in DATA_FILE and go with their user and pool', async (t) => {
  const dataFile = join(tempDir(t), 'data.json');
  const store = await openLowdbStore(dataFile);
  await store.putPool({
    Id: POOL,
    Name: 'p',
    UsernameAttributes: [],
    AliasAttributes: [],
    AutoVerifiedAttributes: [],
    CreationDate: 1,
    LastModifiedDate: 1,
  });
  for (const name of ['alice', 'bob']) await store.putUser(user(name));
  const passkey = (id: string) => ({
    CredentialId: id,
    PublicKey: 'pQECAyYgASFYIA',
    SignCount: 3,
    RelyingPartyId: 'localhost',
    FriendlyCredentialName: 'Passkey',
    AuthenticatorTransports: ['internal'],
    CreatedAt: 1,
  });
  await store.putWebAuthnCredentials(POOL, 'alice', [passkey('a1'), passkey('a2')]);
  await store.putWebAuthnCredentials(POOL, 'bob', [passkey('b1')]);
  await store.flush();
  const reopened = await openLowdbStore(dataFile);
  t.same(
    reopened.getWebAuthnCredentials(POOL, 'alice').map((c) => c.CredentialId),
    ['a1', 'a2'],
    'survive a reopen',
  );
  await reopened.deleteUser(POOL, 'alice');
  t.same(reopened.getWebAuthnCredentials(POOL, 'alice'), [], 'deleted with the user');
  await reopened.putWebAuthnCredentials(POOL, 'bob', []);
  t.same(reopened.getWebAuthnCredentials(POOL, 'bob'), [], 'an empty list removes them');
  await reopened.putWebAuthnCredentials(POOL, 'bob', [passkey('b2')]);
  await reopened.deletePool(POOL);
  t.same(reopened.getWebAuthnCredentials(POOL, 'bob'), [], 'deleted with the pool');
  await reopened.flush();
  t.same((await openLowdbStore(dataFile)).getWebAuthnCredentials(POOL, 'bob'), [], 'and gone after a reopen');
});

t.test('auth events and token sessions (one record per session) survive a reopen and go with their user', async (t) => {
  const dataFile = join(tempDir(t), 'data.json');
  const store = await openLowdbStore(dataFile);
  await store.putUser(user('ann'));
  const session = (SessionId: string, CreateDate: number) => ({
    SessionId,
    ClientId: 'c',
    OriginJti: `o-${SessionId}`,
    CreateDate,
    LastActiveDate: CreateDate,
    ExpiresAt: 9e12,
    IssuedAt: 0,
  });
  await store.putTokenSession(POOL, 'sub-ann', session('tkn1', 1));
  await store.putTokenSession(POOL, 'sub-ann', session('tkn2', 2));
  await store.putTokenSession(POOL, 'sub-ann', { ...session('tkn1', 1), LastActiveDate: 5 });
  await store.putAuthEvent(POOL, 'sub-ann', {
    EventId: 'e1',
    EventType: 'SignIn',
    CreationDate: 1,
    EventResponse: 'Pass',
    EventRisk: { RiskDecision: 'NoRisk', CompromisedCredentialsDetected: false },
    ChallengeResponses: [],
    EventContextData: {},
  });
  await store.close();
  const reopened = await openLowdbStore(dataFile);
  t.same(
    reopened.listTokenSessions(POOL, 'sub-ann').map((s) => [s.SessionId, s.LastActiveDate]),
    [
      ['tkn2', 2],
      ['tkn1', 5],
    ],
  );
  t.same(
    reopened.listAuthEvents(POOL, 'sub-ann').map((e) => e.EventId),
    ['e1'],
  );
  await reopened.removeTokenSessions(POOL, 'sub-ann', ['tkn2']);
  t.same(
    reopened.listTokenSessions(POOL, 'sub-ann').map((s) => s.SessionId),
    ['tkn1'],
  );
  await reopened.deleteUser(POOL, 'ann');
  t.same(reopened.listTokenSessions(POOL, 'sub-ann'), []);
  t.same(reopened.listAuthEvents(POOL, 'sub-ann'), []);
  await reopened.close();
});
