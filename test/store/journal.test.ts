// The DATA_FILE journal: replayed at start, a torn last line ignored, any other bad line stops
// startup with the files untouched, folds in the background keep every change (also ones made
// while the fold runs), a fold killed half-way loses nothing, a graceful close leaves the snapshot alone.
import t, { type Test } from 'tap';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../../src/domain/model.js';
import { openLowdbStore } from '../../src/store/lowdb-store.js';

const POOL = 'us-east-1_Journal01';
const user = (n: number, given = 'x'): User => ({
  UserPoolId: POOL,
  Username: `u${n}`,
  Attributes: { sub: `s${n}`, given_name: given, email: `u${n}@example.com` },
  UserStatus: 'CONFIRMED',
  Enabled: true,
  Groups: [],
  UserCreateDate: 0,
  UserLastModifiedDate: 0,
});

function setUp(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-journal-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const dataFile = join(dir, 'data.json');
  const files = () => readdirSync(dir).sort();
  return { dir, dataFile, files };
}

t.test('changes are journal lines, replayed at the next open; the snapshot is untouched until a fold', async (t) => {
  const { dataFile, files } = setUp(t);
  const store = await openLowdbStore(dataFile);
  const snapshot = readFileSync(dataFile, 'utf8');
  for (let n = 0; n < 5; n++) await store.putUser(user(n));
  await store.deleteUser(POOL, 'u1');
  await store.putUser(user(2, 'changed'));
  t.same(files(), ['data.json', 'data.json.journal.1']);
  t.equal(
    readFileSync(join(`${dataFile}.journal.1`), 'utf8')
      .trimEnd()
      .split('\n').length,
    7,
    'one line per change',
  );
  t.equal(readFileSync(dataFile, 'utf8'), snapshot, 'snapshot not rewritten');
  // Reopened without close (as after SIGKILL): replayed.
  const reopened = await openLowdbStore(dataFile);
  t.same(
    reopened.listUsers(POOL).map((u) => u.Username),
    ['u0', 'u2', 'u3', 'u4'],
  );
  t.equal(reopened.getUser(POOL, 'u2')?.Attributes.given_name, 'changed');
  t.equal(reopened.findUserByAttribute(POOL, 'email', 'U3@example.com')?.Username, 'u3', 'alias index rebuilt');
  t.same(files(), ['data.json', 'data.json.journal.1', 'data.json.journal.2'], 'each open appends to a new journal');
  await reopened.close();
  await store.close().catch(() => undefined);
});

t.test('a torn last line is ignored; any other bad line stops startup and nothing is rewritten', async (t) => {
  const { dataFile, files } = setUp(t);
  const store = await openLowdbStore(dataFile);
  await store.putUser(user(1));
  await store.putUser(user(2));
  const journal = `${dataFile}.journal.1`;
  appendFileSync(journal, '{"t":"users","k":["us-east-1_Journal01","u3"],"v":{"UserPoolId":"us-ea');
  const reopened = await openLowdbStore(dataFile);
  t.same(
    reopened.listUsers(POOL).map((u) => u.Username),
    ['u1', 'u2'],
    'torn line ignored, the rest replayed',
  );
  await reopened.close();

  const { dataFile: other, dir } = setUp(t);
  const s2 = await openLowdbStore(other);
  await s2.putUser(user(1));
  await s2.putUser(user(2));
  const j = `${other}.journal.1`;
  const lines = readFileSync(j, 'utf8').split('\n');
  const cases: Array<[string, string]> = [
    ['not JSON', [lines[0], '{"t":"users", nope', lines[1], ''].join('\n')],
    ['an unknown table', [lines[0], '{"t":"nothing","k":["a"],"v":1}', lines[1], ''].join('\n')],
  ];
  for (const [name, content] of cases) {
    writeFileSync(j, content);
    const before = files().map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    await t.rejects(
      openLowdbStore(other),
      {
        name: 'StartupError',
        message: new RegExp(
          `^${j.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: line 2 is not a journal entry \\(.*\\); fix or remove the file$`,
        ),
      },
      name,
    );
    t.same(
      files().map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
      before,
      `${name}: every file byte for byte, no new journal`,
    );
  }
  void s2;
  void files;
});

t.test('folds: the snapshot takes the journals in the background, changes made meanwhile are kept', async (t) => {
  const { dataFile, files } = setUp(t);
  const store = await openLowdbStore(dataFile, { foldAtBytes: 20_000 });
  // Enough writes for several folds; 100 more are made while folds run.
  const writes: Array<Promise<void>> = [];
  for (let n = 0; n < 400; n++) writes.push(store.putUser(user(n % 150, `v${n}`)));
  await Promise.all(writes);
  for (let n = 0; n < 100; n++) await store.putUser(user(n, 'late'));
  await store.deleteUser(POOL, 'u149');
  await store.flush();
  const snapshot = JSON.parse(readFileSync(dataFile, 'utf8')) as { journal: number; users: Record<string, Record<string, User>> };
  t.ok(snapshot.journal > 1, `folded (snapshot now starts at journal ${snapshot.journal})`);
  t.ok(Object.keys(snapshot.users[POOL] ?? {}).length > 50, 'the snapshot holds the users');
  t.ok(files().filter((f) => f.includes('.journal.')).length <= 2, `old journals removed (${files().join(', ')})`);
  // Reopened without close, as after a SIGKILL.
  const reopened = await openLowdbStore(dataFile);
  t.equal(reopened.listUsers(POOL).length, 149);
  t.equal(reopened.getUser(POOL, 'u5')?.Attributes.given_name, 'late');
  t.equal(reopened.getUser(POOL, 'u120')?.Attributes.given_name, 'v270');
  t.equal(reopened.getUser(POOL, 'u149'), undefined);
  await reopened.close();
});

t.test('a fold killed half-way (temporary file left, old journals not yet removed) loses nothing', async (t) => {
  const { dataFile, files } = setUp(t);
  const store = await openLowdbStore(dataFile);
  for (let n = 0; n < 10; n++) await store.putUser(user(n));
  // As if killed mid-fold: a partial temporary snapshot, and a newer journal started.
  writeFileSync(`${dataFile}.fold-tmp`, '{"version": 1, "journal": 2, "pools": {');
  writeFileSync(`${dataFile}.journal.2`, `${JSON.stringify({ t: 'users', k: [POOL, 'u0'] })}\n`);
  const reopened = await openLowdbStore(dataFile);
  t.equal(reopened.listUsers(POOL).length, 9, 'both journals replayed, in order');
  t.notOk(files().includes('data.json.fold-tmp'), 'the temporary file is removed');
  await reopened.close();
});

t.test('close folds everything into the snapshot and removes the journals; a missing snapshot starts afresh', async (t) => {
  const { dir, dataFile, files } = setUp(t);
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
  await store.putUser(user(1));
  await store.putUser({ ...user(2), Username: '__proto__' });
  await store.close();
  t.same(files(), ['data.json']);
  const text = readFileSync(dataFile, 'utf8');
  const data = JSON.parse(text) as { users: Record<string, Record<string, User>>; pools: Record<string, unknown> };
  t.same(Object.keys(data.users[POOL] ?? {}), ['u1', '__proto__'], 'users in the snapshot');
  t.match(
    text,
    /^\{\n {2}"version": 1,\n {2}"journal": \d+,\n {2}"pools": \{\n {4}"us-east-1_Journal01": \{"Id"/,
    'indented, one record per line',
  );
  t.match(text, /\n {4}"us-east-1_Journal01": \{\n {6}"u1": \{"UserPoolId"/, 'users one per line under their pool');
  const reopened = await openLowdbStore(dataFile);
  t.equal(reopened.getUser(POOL, '__proto__')?.Attributes.sub, 's2', '__proto__ stays a plain key');
  t.equal(Object.getPrototypeOf({}), Object.prototype);
  await reopened.close();

  // Journals without a snapshot belong to state the user removed.
  rmSync(dataFile);
  writeFileSync(join(dir, 'data.json.journal.7'), `${JSON.stringify({ t: 'users', k: [POOL, 'ghost'], v: user(9) })}\n`);
  const fresh = await openLowdbStore(dataFile);
  t.same(fresh.listUsers(POOL), [], 'starts empty');
  await fresh.close();
  t.same(files(), ['data.json']);
});

t.test('a data file in a directory that does not exist: a one-line StartupError', async (t) => {
  const { dir } = setUp(t);
  const dataFile = join(dir, 'missing', 'data.json');
  await t.rejects(openLowdbStore(dataFile), { name: 'StartupError', message: `${dataFile}: cannot write (ENOENT)` });
});
