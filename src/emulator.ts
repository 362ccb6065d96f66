// The composition root: opens the store, loads and seeds fixtures, loads keys and builds the app.
// The CLI (cli.ts), the programmatic API (index.ts) and the tests all start the emulator through here.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { OffsetClock } from './clock.js';
import { AuthorizationCodes } from './state/authorization-codes.js';
import { Faults } from './state/faults.js';
import type { InMemoryState } from './domain/in-memory-state.js';
import type { Config } from './config.js';
import { buildApp } from './app.js';
import type { Deps } from './deps.js';
import { SrpBlocks } from './state/srp-blocks.js';
import { Credentials } from './domain/credentials.js';
import { Lockout } from './domain/lockout.js';
import { Messages } from './domain/messages.js';
import { VerificationCodes } from './domain/verification-codes.js';
import { loadFixtures, type LoadedFixture } from './fixtures/load.js';
import { applySeed, planSeed } from './fixtures/seed.js';
import { Federations } from './state/federations.js';
import { Sessions } from './state/sessions.js';
import { UsedTotpSteps } from './mfa/totp.js';
import { SharedMaps } from './domain/shared-map.js';
import { RiskOverrides } from './state/risk-overrides.js';
import { PendingChallenges } from './state/sign-in-challenges.js';
import { PendingRegistrations } from './webauthn/pending-registrations.js';
import { LowdbStore, openLowdbStore } from './store/lowdb-store.js';
import { Replica } from './store/replica.js';
import { HttpsListener } from './tls/https-listener.js';
import { loadTlsMaterial, type TlsMaterial } from './tls/material.js';
import { Keys } from './tokens/keys.js';
import { TokenIssuer } from './tokens/token-issuer.js';
import { StartupError } from './errors/startup-error.js';
import { Urls } from './urls.js';
import { lambdaFunctionFiles } from './fixtures/lambda-functions.js';
import type { TriggerHandler } from './triggers/in-process.js';
import { Triggers } from './triggers/runtime.js';

export interface EmulatorOptions {
  config: Config;
  /** Fixtures already loaded (tests, programmatic API); otherwise read from config.fixtures. */
  fixtures?: LoadedFixture[];
  clock?: OffsetClock;
  logger?: Logger | false;
  /** In-process trigger handlers by function ARN or name (startEmulator({ triggers })). */
  triggers?: Readonly<Record<string, TriggerHandler>>;
}

export interface Emulator {
  app: FastifyInstance;
  deps: Deps;
  fixtures: LoadedFixture[];
  reset(): Promise<void>;
  reload(fixtures: LoadedFixture[]): Promise<void>;
  /** With HTTPS_PORT: the TLS listener (listen.ts starts it) and its certificate. */
  tls?: { listener: HttpsListener; material: TlsMaterial };
}

const PURGE_EVERY_MS = 30_000;

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const { config } = options;
  const clock = options.clock ?? new OffsetClock();
  // Certificates are read (or made, off the event loop) while the store and fixtures load.
  const tlsMaterial = config.httpsPort !== undefined ? loadTlsMaterial(config) : undefined;
  tlsMaterial?.catch(() => {}); // awaited below; a failure there must not also be an unhandled rejection
  // In-memory state: private to this process, or (with DATABASE_URL) shared by every replica.
  const maps = new SharedMaps();
  const replica = config.databaseUrl !== undefined ? await openReplica(config.databaseUrl, maps) : undefined;
  const store = replica ? new LowdbStore(replica.data, replica) : await openLowdbStore(config.dataFile);
  const fixtures = options.fixtures ?? (config.fixtures ? await loadFixtures(config.fixtures) : []);
  const keys = new Keys(store);
  const urls = new Urls(config);
  const credentials = new Credentials(replica && (await replica.secret('fixture-srp-salt-key')));
  if (replica) {
    replica.target = store;
    // Keys changed by another replica: the cached keyring is rebuilt from the store on next use.
    replica.onApplied = (change) => {
      if (!('clear' in change) && change.t === 'keys' && change.k[0] !== undefined) keys.forget(change.k[0]);
    };
    maps.link = replica;
    clock.share(maps);
  }
  const logger = options.logger === false ? undefined : options.logger;
  const triggers = new Triggers({
    ...(options.triggers ? { handlers: options.triggers } : {}),
    files: lambdaFunctionFiles(fixtures),
    ...(config.lambdaEndpoint !== undefined ? { lambdaEndpoint: config.lambdaEndpoint } : {}),
    warn: (message) => logger?.warn(message),
  });
  const deps: Deps = {
    store,
    clock,
    keys,
    urls,
    credentials,
    tokens: new TokenIssuer({ keys, urls, clock, store }),
    sessions: new Sessions(clock, maps),
    signInChallenges: new PendingChallenges(() => clock.now(), maps),
    srpBlocks: new SrpBlocks(
      () => clock.now(),
      maps,
      replica && {
        key: await replica.secret('secret-block-key'),
        decoyKey: await replica.secret('decoy-salt-key'),
      },
    ),
    lockout: new Lockout(() => clock.now(), maps),
    messages: new Messages(maps),
    verificationCodes: new VerificationCodes(() => clock.now(), maps),
    faults: new Faults(maps),
    authorizationCodes: new AuthorizationCodes(() => clock.now(), maps),
    federations: new Federations(() => clock.now(), maps),
    usedTotpSteps: new UsedTotpSteps(() => clock.now(), maps),
    webAuthnRegistrations: new PendingRegistrations(() => clock.now(), maps),
    riskOverrides: new RiskOverrides(maps),
    triggers,
  };
  // Check every fixture before writing anything: a bad one leaves the store untouched.
  await seed(fixtures, deps);
  // Pools that exist only in DATA_FILE (created through the API) need their keys too.
  for (const pool of store.listPools()) if (!keys.get(pool.Id)) await keys.load(pool.Id);

  // Every in-memory store: cleared by reset, purged by the timer.
  const inMemory: InMemoryState[] = [
    deps.sessions,
    deps.signInChallenges,
    deps.srpBlocks,
    deps.lockout,
    deps.messages,
    deps.verificationCodes,
    deps.faults,
    deps.authorizationCodes,
    deps.credentials,
    deps.federations,
    deps.usedTotpSteps,
    deps.webAuthnRegistrations,
    deps.riskOverrides,
  ];

  let current = fixtures;
  /** Back to exactly the state `plan` describes: records, codes, sessions, revocations, clock, faults. */
  const resetTo = async (plan: ReturnType<typeof planSeed>) => {
    for (const state of inMemory) state.clear();
    clock.offsetMs = 0;
    await store.batch(async () => {
      store.clear();
      await applySeed(plan, { store, keys, credentials, now: clock.now() }, { all: true });
    });
  };
  /** Back to the current fixtures, planned afresh (ids and dates of records they leave out follow the store). */
  const reset = () => resetTo(planSeed(current, store, Date.now()));

  const material = await tlsMaterial;
  const app = buildApp({ ...deps, reset, ...(material?.ca ? { tlsCa: material.ca } : {}) }, options.logger ?? false, replica);
  const tls = material ? { listener: new HttpsListener(app), material } : undefined;
  let lastPurge = clock.now();
  const purge = () => {
    lastPurge = clock.now();
    store.purgeExpired(clock.now());
    for (const state of inMemory) state.purge();
  };
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();
  // Also on the first request 30 s (by the emulated clock) after the last purge: a test that moves
  // the clock forward frees what expired at once, without waiting for the timer.
  // Callback-style, not async: it runs on every request, and a promise per request buys nothing here.
  app.addHook('onRequest', (_request, _reply, done) => {
    if (Math.abs(clock.now() - lastPurge) >= PURGE_EVERY_MS) purge();
    done();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await triggers.close();
    await store.close(); // with DATABASE_URL, also the replica's connections
  });
  /**
   * --watch: checks the new fixtures fully (throwing StartupError if bad, changing nothing), then
   * resets to them. The plan that checked them is the one applied: they are planned once.
   */
  const reload = async (next: LoadedFixture[]) => {
    const plan = planSeed(next, store, Date.now());
    const files = lambdaFunctionFiles(next);
    current = next;
    await triggers.replaceFiles(files);
    await resetTo(plan);
  };
  return { app, deps, fixtures, reset, reload, ...(tls ? { tls } : {}) };
}

async function openReplica(url: string, maps: SharedMaps): Promise<Replica> {
  try {
    return await Replica.open(url, maps);
  } catch (err) {
    // The URL holds a password: only the host is named.
    const host = new URL(url).host;
    throw new StartupError(`DATABASE_URL: cannot use the database at ${host} (${(err as Error).message})`);
  }
}

async function seed(fixtures: readonly LoadedFixture[], deps: Deps): Promise<void> {
  const plan = planSeed(fixtures, deps.store, deps.clock.now());
  await applySeed(plan, { store: deps.store, keys: deps.keys, credentials: deps.credentials, now: deps.clock.now() }, { all: false });
}
