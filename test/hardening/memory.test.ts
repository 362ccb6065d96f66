// Memory stays bounded. (1) In process, exactly: codes, hosted-UI sessions, new-password
// steps, JSON API challenge sessions, verification codes and revocation records all go once they
// expire, on the first request after the emulated clock moves on (and every 30 s anyway), while
// unexpired ones stay. (2) A bounded soak of the real CLI: sign-ins, code exchanges, refreshes,
// revocations, sessions and unanswered SRP starts in phases, the clock moved a month between
// phases; RSS (from /proc) stays flat. A longer soak is `npx tsx bench/soak.ts`.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../src/deps.js';
import { testEmulator } from '../helpers/harness.js';
import { PUBLIC_CLIENT, TEST_FIXTURE } from '../helpers/fixtures/index.js';
import { openLoginPage, postForm, signIn, signInForTokens, submitLogin } from '../helpers/flow.js';
import { startCli, stopCli, writeFixture } from '../helpers/cli-process.js';
import { mean, runSoak } from './soak-load.js';

const DAY_S = 24 * 3600;
const SRP_A = 'ab'.repeat(256);
const fixture = structuredClone(TEST_FIXTURE) as { UserPools: Array<Record<string, unknown>> };
fixture.UserPools[0] = { ...fixture.UserPools[0], AutoVerifiedAttributes: ['email'] };

/** Sizes of every store of expiring things (private fields, read for the test only). */
function sizes(deps: Deps): Record<string, number> {
  const field = (o: object, name: string) => (o as unknown as Record<string, unknown>)[name];
  const mapSize = (o: object, name: string) => (field(o, name) as { size: number }).size;
  return {
    codes: deps.authorizationCodes.list().length,
    revocations: Object.keys((field(field(deps.store, 'db') as object, 'data') as { revocations: object }).revocations).length,
    sessions: mapSize(deps.sessions, 'sessions'),
    // One store for the hosted page's new-password steps and the JSON API's challenge Sessions.
    signInChallenges: mapSize(deps.signInChallenges, 'sessions'),
    verificationCodes: mapSize(deps.verificationCodes, 'pending'),
  };
}

async function api(app: FastifyInstance, operation: string, input: object) {
  const res = await app.inject({
    method: 'POST',
    url: '/',
    payload: JSON.stringify(input),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

t.test('expired codes, sessions, challenges, verification codes and revocations are purged; live ones stay', async (t) => {
  const { app, deps, clock } = await testEmulator(t, { fixture });
  for (let i = 0; i < 10; i++) await signIn(app); // 10 codes never redeemed, 10 sessions
  for (let i = 0; i < 3; i++) await submitLogin(app, await openLoginPage(app), 'bob', 'TempPassw0rd!'); // new-password steps
  for (let i = 0; i < 5; i++) {
    // SRP starts keep nothing in memory (their state is the sealed SECRET_BLOCK the client echoes).
    const started = await api(app, 'InitiateAuth', {
      ClientId: PUBLIC_CLIENT,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'alice', SRP_A },
    });
    t.equal(started.body.ChallengeName, 'PASSWORD_VERIFIER', 'an SRP start left unanswered');
    const step = await api(app, 'InitiateAuth', {
      ClientId: PUBLIC_CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'bob', PASSWORD: 'TempPassw0rd!' },
    });
    t.equal(step.body.ChallengeName, 'NEW_PASSWORD_REQUIRED', 'a challenge Session left unanswered');
  }
  for (let i = 0; i < 4; i++) {
    t.equal(
      (
        await api(app, 'SignUp', {
          ClientId: PUBLIC_CLIENT,
          Username: `soak-${i}`,
          Password: 'Passw0rd!x',
          UserAttributes: [{ Name: 'email', Value: `s${i}@example.com` }],
        })
      ).status,
      200,
    );
  }
  for (let i = 0; i < 3; i++) {
    const { refresh_token } = await signInForTokens(app, { scope: 'openid' });
    const revoked = await postForm(app, '/oauth2/revoke', { token: refresh_token ?? '', client_id: PUBLIC_CLIENT });
    t.equal(revoked.statusCode, 200, 'refresh token revoked');
  }
  const before = sizes(deps);
  t.same(before, { codes: 10, revocations: 3, sessions: 13, signInChallenges: 8, verificationCodes: 4 }, 'everything recorded');

  clock.offsetMs += 40_000; // past the purge interval, before anything expires
  await app.inject({ url: '/health' });
  t.same(sizes(deps), before, 'a purge keeps what has not expired');

  clock.offsetMs += 31 * DAY_S * 1000; // past every lifetime (refresh tokens: 30 days)
  t.same(sizes(deps), before, 'nothing is freed before a request or the timer');
  await app.inject({ url: '/health' });
  t.same(
    sizes(deps),
    { codes: 0, revocations: 0, sessions: 0, signInChallenges: 0, verificationCodes: 0 },
    'the next request purged it all',
  );
});

t.test('a bounded soak of the CLI: RSS stays flat while expiring things come and go', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-soak-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const cli = await startCli({ FIXTURES: writeFixture(dir, fixture) });
  t.teardown(() => stopCli(cli, 'SIGKILL'));
  const PHASES = 7;
  const soak = await runSoak({ url: cli.url, pid: cli.pid, phases: PHASES, phaseMs: 4_000 });
  t.same(soak.codesLeft, Array(PHASES).fill(0), 'after each clock move the unredeemed codes were purged');
  // Phase 0 is warm-up (JIT, caches, first allocations); compare the first and last thirds of the rest.
  const steady = soak.samples.slice(1);
  const third = Math.max(1, Math.floor(steady.length / 3));
  const first = mean(steady.slice(0, third).flat()),
    last = mean(steady.slice(-third).flat());
  t.comment(`${soak.rounds} rounds; RSS by phase (MB): ${soak.samples.map((s) => mean(s).toFixed(1)).join(', ')}`);
  t.ok(soak.rounds >= 50, `the soak did real work (${soak.rounds} rounds)`);
  t.ok(last - first < 25, `RSS flat: last third ${last.toFixed(1)} MB vs first third ${first.toFixed(1)} MB`);
  t.same(await stopCli(cli), { code: 0, signal: null });
});
