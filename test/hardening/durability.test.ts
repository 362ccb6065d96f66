// With DATA_FILE, a state change is acknowledged only once its journal line is written (the snapshot
// is only ever replaced by rename), so a SIGKILL at any moment leaves a valid snapshot and journals
// holding every acknowledged change; a corrupt or unreadable file stops startup with one clear line
// and exit code 2, and is never overwritten. Journal details: test/store/journal.test.ts.
import t from 'tap';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../../src/domain/model.js';
import { openLowdbStore } from '../../src/store/lowdb-store.js';
import { POOL_ID } from '../helpers/fixtures/index.js';
import { cliApi, runCli, startCli, stopCli, writeFixture, type CliProcess } from '../helpers/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-durability-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = writeFixture(dir);

/** The snapshot and every journal next to it, as one text. */
function everythingOnDisk(dataFile: string): string {
  const dirOf = join(dataFile, '..');
  const name = dataFile.slice(dirOf.length + 1);
  return readdirSync(dirOf)
    .filter((f) => f === name || f.startsWith(`${name}.`))
    .map((f) => readFileSync(join(dirOf, f), 'utf8'))
    .join('\n');
}

t.test('a mutation resolves only after a write that contains it', async (t) => {
  mkdirSync(join(dir, 'ack'));
  const dataFile = join(dir, 'ack', 'store.json');
  const store = await openLowdbStore(dataFile);
  const user = (n: number): User => ({
    UserPoolId: POOL_ID,
    Username: `u${n}`,
    Attributes: { sub: `s${n}` },
    UserStatus: 'CONFIRMED',
    Enabled: true,
    Groups: [],
    UserCreateDate: 0,
    UserLastModifiedDate: 0,
  });
  // 200 concurrent writes are batched by steno; each one, when it resolves, must already be in the file.
  const missing: string[] = [];
  await Promise.all(
    Array.from({ length: 200 }, (_, n) =>
      store.putUser(user(n)).then(() => {
        if (!everythingOnDisk(dataFile).includes(`{"t":"users","k":["${POOL_ID}","u${n}"],"v":{`)) missing.push(`u${n}`);
      }),
    ),
  );
  t.same(missing, [], 'every acknowledged user was in the journal when its write resolved');
  await store.close();
});

/** Creates users as fast as `concurrency` callers can until stopped; returns the names acknowledged with 200. */
function createLoad(cli: CliProcess, prefix: string, concurrency: number) {
  const acknowledged: string[] = [];
  let stopped = false,
    next = 0,
    refusedWhileUp = 0;
  const worker = async () => {
    while (!stopped) {
      const name = `${prefix}-${next++}`;
      try {
        const res = await cliApi(cli.url, 'AdminCreateUser', {
          UserPoolId: POOL_ID,
          Username: name,
          TemporaryPassword: 'TempPassw0rd!',
          MessageAction: 'SUPPRESS',
        });
        if (res.status === 200) acknowledged.push(name);
        else refusedWhileUp++;
      } catch {
        return; // the process is gone: this call was never acknowledged
      }
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, worker));
  return {
    acknowledged,
    done,
    stop: () => {
      stopped = true;
    },
    refused: () => refusedWhileUp,
  };
}

async function allUsernames(url: string): Promise<Set<string>> {
  const names = new Set<string>();
  let token: unknown;
  do {
    const page = await cliApi(url, 'ListUsers', { UserPoolId: POOL_ID, Limit: 60, ...(token ? { PaginationToken: token } : {}) });
    for (const u of page.body.Users as Array<{ Username: string }>) names.add(u.Username);
    token = page.body.PaginationToken;
  } while (token);
  return names;
}

t.test('SIGKILL during concurrent writes: the file stays valid and holds every acknowledged user', async (t) => {
  const dataFile = join(dir, 'killed.json');
  const acknowledged: string[] = [];
  for (const round of [1, 2]) {
    const cli = await startCli({ FIXTURES: fixtures, DATA_FILE: dataFile });
    t.teardown(() => stopCli(cli, 'SIGKILL'));
    if (round === 2) {
      const present = await allUsernames(cli.url);
      t.same(
        acknowledged.filter((n) => !present.has(n)),
        [],
        `restart ${round - 1}: every acknowledged user survived the SIGKILL`,
      );
    }
    const load = createLoad(cli, `r${round}`, 12);
    // Kill at a random moment once writes are flowing (at least a few acknowledged).
    while (load.acknowledged.length < 5) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 900)));
    cli.child.kill('SIGKILL');
    const exit = await cli.exited;
    load.stop();
    await load.done;
    t.equal(exit.signal, 'SIGKILL', `round ${round}: killed mid-load`);
    t.equal(load.refused(), 0, `round ${round}: no call refused while the process was up`);
    t.ok(load.acknowledged.length >= 5, `round ${round}: ${load.acknowledged.length} creations acknowledged before the kill`);
    acknowledged.push(...load.acknowledged);
    t.doesNotThrow(() => JSON.parse(readFileSync(dataFile, 'utf8')), `round ${round}: the data file is valid JSON after the kill`);
    t.notMatch(everythingOnDisk(dataFile), /Passw0rd!/, `round ${round}: no plain-text password in the snapshot or the journals`);
  }
  const cli = await startCli({ FIXTURES: fixtures, DATA_FILE: dataFile });
  const present = await allUsernames(cli.url);
  t.same(
    acknowledged.filter((n) => !present.has(n)),
    [],
    `after the last restart all ${acknowledged.length} acknowledged users are there`,
  );
  t.ok(present.has('alice'), 'and the fixture users');
  t.same(await stopCli(cli), { code: 0, signal: null });
});

t.test('a corrupt, foreign or unreadable data file stops startup (exit 2, one line) and is left byte for byte', async (t) => {
  const garbage = Buffer.from([0x7b, 0x22, 0x76, 0xff, 0x00, 0x0a, 0x7d, 0x5b]);
  const cases: Array<[string, Buffer | 'directory', RegExp]> = [
    ['garbage.json', garbage, /: data file is not valid JSON \(.*\); fix or remove it$/],
    ['truncated.json', Buffer.from('{"version": 1, "pools": {"us-east-1_'), /: data file is not valid JSON/],
    ['foreign.json', Buffer.from('{"users": [1, 2, 3]}'), /: \$\.version: not a cognito-emulator data file \(expected version 1\)$/],
    ['a-directory', 'directory', /: cannot read data file \(EISDIR\)$/],
  ];
  await Promise.all(
    cases.map(async ([name, content, message]) => {
      const file = join(dir, name);
      if (content === 'directory') mkdirSync(file);
      else writeFileSync(file, content);
      const run = await runCli({ PORT: '0', FIXTURES: fixtures, DATA_FILE: file });
      t.equal(run.code, 2, `${name}: exit code 2`);
      const lines = run.stderr.trimEnd().split('\n');
      t.equal(lines.length, 1, `${name}: one line`);
      t.match(lines[0], new RegExp(`^cognito-emulator: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), `${name}: names the file`);
      t.match(lines[0], message, `${name}: says what is wrong`);
      if (content !== 'directory') t.same(readFileSync(file), content, `${name}: byte for byte unchanged`);
    }),
  );
});

t.test('a run-time change to a fixture user survives SIGKILL and a graceful restart', async (t) => {
  const dataFile = join(dir, 'fixture-user.json');
  const givenName = async (url: string) => {
    const res = await cliApi(url, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'alice' });
    return (res.body.UserAttributes as Array<{ Name: string; Value: string }>).find((a) => a.Name === 'given_name')?.Value;
  };
  let cli = await startCli({ FIXTURES: fixtures, DATA_FILE: dataFile });
  t.teardown(() => stopCli(cli, 'SIGKILL'));
  const update = await cliApi(cli.url, 'AdminUpdateUserAttributes', {
    UserPoolId: POOL_ID,
    Username: 'alice',
    UserAttributes: [{ Name: 'given_name', Value: 'Killed' }],
  });
  t.equal(update.status, 200, 'acknowledged');
  cli.child.kill('SIGKILL');
  await cli.exited;
  cli = await startCli({ FIXTURES: fixtures, DATA_FILE: dataFile });
  t.equal(await givenName(cli.url), 'Killed', 'after SIGKILL');
  await cliApi(cli.url, 'AdminUpdateUserAttributes', {
    UserPoolId: POOL_ID,
    Username: 'alice',
    UserAttributes: [{ Name: 'given_name', Value: 'Stopped' }],
  });
  t.same(await stopCli(cli), { code: 0, signal: null });
  t.same(
    readdirSync(dir).filter((f) => f.startsWith('fixture-user.json.')),
    [],
    'a graceful stop folds the journals into the snapshot',
  );
  cli = await startCli({ FIXTURES: fixtures, DATA_FILE: dataFile });
  t.equal(await givenName(cli.url), 'Stopped', 'after a graceful restart');
  t.same(await stopCli(cli), { code: 0, signal: null });
});
