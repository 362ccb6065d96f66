// The composition root: opens the store, loads and seeds fixtures, loads keys and builds the app.
// main.ts, the programmatic API and the tests all start the emulator through here.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { OffsetClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { buildApp } from './app.js';
import type { Deps, PasswordChallenge } from './deps.js';
import { Credentials } from './domain/credentials.js';
import { ExpiringMap } from './domain/expiring-map.js';
import { Messages } from './domain/messages.js';
import { loadFixtures, type LoadedFixture } from './fixtures/load.js';
import { applySeed, planSeed } from './fixtures/seed.js';
import { Sessions } from './hosted-ui/sessions.js';
import { openLowdbStore } from './store/lowdb-store.js';
import { Keys } from './tokens/keys.js';
import { TokenIssuer } from './tokens/token-issuer.js';
import { Urls } from './urls.js';

export interface EmulatorOptions {
  config: Config;
  /** Fixtures already loaded (tests, programmatic API); otherwise read from config.fixtures. */
  fixtures?: LoadedFixture[];
  clock?: Clock;
  logger?: Logger | false;
}

export interface Emulator {
  app: FastifyInstance;
  deps: Deps;
  fixtures: LoadedFixture[];
}

const PURGE_EVERY_MS = 30_000;

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const { config } = options;
  const clock = options.clock ?? new OffsetClock();
  const store = await openLowdbStore(config.dataFile);
  const fixtures = options.fixtures ?? (config.fixtures ? await loadFixtures(config.fixtures) : []);
  const keys = new Keys(store);
  const urls = new Urls(config);
  const credentials = new Credentials();
  const deps: Deps = {
    store, clock, keys, urls, credentials,
    tokens: new TokenIssuer({ keys, urls, clock }),
    sessions: new Sessions(clock),
    passwordChallenges: new ExpiringMap<PasswordChallenge>(() => clock.now()),
    messages: new Messages(),
  };
  // Check every fixture before writing anything: a bad one leaves the store untouched.
  const plan = planSeed(fixtures, store, clock.now());
  await applySeed(plan, { store, keys, credentials, now: clock.now() });
  // Pools that exist only in DATA_FILE (created through the API) need their keys too.
  for (const pool of store.listPools()) if (!keys.get(pool.Id)) await keys.ensure(pool.Id);

  const app = buildApp(deps, options.logger ?? false);
  const timer = setInterval(() => {
    store.purgeExpired(clock.now());
    deps.sessions.purge();
    deps.passwordChallenges.purge();
  }, PURGE_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await store.flush();
  });
  return { app, deps, fixtures };
}
