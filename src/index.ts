// Programmatic API: run the emulator in-process from a Node test runner (Jest, Vitest, node:test,
// tap), without Docker.
//
//   const emulator = await startEmulator({ fixtures: { UserPools: [...] } });
//   ... point the app at emulator.url, verify tokens against emulator.issuer(poolId) ...
//   await emulator.reset();   // between tests
//   await emulator.stop();
import { EXAMPLE_FIXTURE, loadConfig, type LogLevel } from './config.js';
import { createEmulator } from './emulator.js';
import { loadFixtures, parseFixture, type LoadedFixture } from './fixtures/load.js';
import type { FixtureFile } from './fixtures/types.js';
import { listen } from './listen.js';
import { createLogger } from './logger.js';
import type { TriggerHandler } from './triggers/in-process.js';

export type { FixtureFile, FixturePool, FixtureUser } from './fixtures/types.js';
export { StartupError } from './errors/startup-error.js';
export type { TriggerHandler } from './triggers/in-process.js';
export type { LambdaConfig } from './domain/lambda-config.js';

export interface StartOptions {
  /** A fixture object, or a path to a fixture file or directory. Default: the bundled example fixture. */
  fixtures?: FixtureFile | string;
  /** Default 0: any free port (read the chosen one from `url`). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default http://localhost:<port>. */
  publicUrl?: string;
  /** Issuer template, e.g. 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}'. */
  issuerUrl?: string;
  /** lowdb JSON file for state that survives restarts. Default: memory only. */
  dataFile?: string;
  /** postgres:// URL: share one state with every emulator given the same database (replicas). Default: none. */
  databaseUrl?: string;
  /** Default 'silent'. */
  logLevel?: LogLevel;
  /** Also serve over TLS on this port (0 = any free port; read the chosen one from `httpsUrl`). Default: no TLS. */
  httpsPort?: number;
  /** PEM files for the TLS listener (both or neither). Default: a certificate from a generated local CA. */
  tlsCert?: string;
  tlsKey?: string;
  /** Extra names for the generated certificate (localhost, 127.0.0.1, ::1 and PUBLIC_URL's host are always in). */
  tlsHostnames?: string[];
  /** Where the generated CA and certificate are kept. Default: next to dataFile, else a per-user cache. */
  tlsDir?: string;
  /**
   * Trigger handlers run in this process, by the function ARN used in the pool's LambdaConfig or
   * the function name: `{ 'pre-sign-up': async (event) => { ...; return event; } }`.
   */
  triggers?: Readonly<Record<string, TriggerHandler>>;
  /** AWS Lambda Invoke API for the other trigger functions (LAMBDA_ENDPOINT). */
  lambdaEndpoint?: string;
}

export interface RunningEmulator {
  /** Base URL: OAuth endpoints, hosted UI, the JSON API (`endpoint` for the AWS SDK). */
  url: string;
  /** With httpsPort: the TLS listener's base URL, https://localhost:<port>. */
  httpsUrl?: string;
  /** With httpsPort and no tlsCert: the generated local CA (trust it, e.g. NODE_EXTRA_CA_CERTS=caPath). */
  ca?: { path: string; pem: string };
  /** The `iss` of the pool's tokens (also what aws-jwt-verify / openid-client expect). */
  issuer(userPoolId: string): string;
  /** Back to exactly the fixture state (users, codes, sessions, revocations, clock, faults). */
  reset(): Promise<void>;
  /** Moves the emulated clock (relative to real time; 0 = real time). */
  setClockOffset(seconds: number): void;
  stop(): Promise<void>;
}

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const env: Record<string, string> = {};
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined) env[name] = String(value);
  };
  set('PORT', options.port ?? 0);
  set('HOST', options.host);
  set('PUBLIC_URL', options.publicUrl);
  set('ISSUER_URL', options.issuerUrl);
  set('DATA_FILE', options.dataFile);
  set('DATABASE_URL', options.databaseUrl);
  set('LOG_LEVEL', options.logLevel ?? 'silent');
  set('HTTPS_PORT', options.httpsPort);
  set('TLS_CERT', options.tlsCert);
  set('TLS_KEY', options.tlsKey);
  set('TLS_HOSTNAMES', options.tlsHostnames?.join(','));
  set('TLS_DIR', options.tlsDir);
  set('LAMBDA_ENDPOINT', options.lambdaEndpoint);
  const config = loadConfig([], env);
  const fixtures = await fixturesFrom(options.fixtures ?? EXAMPLE_FIXTURE);
  const logger = createLogger(config.logLevel);
  const emulator = await createEmulator({ config, fixtures, logger, ...(options.triggers ? { triggers: options.triggers } : {}) });
  const { app, deps, reset } = emulator;
  const { httpsPort } = await listen(emulator, config);
  const ca = emulator.tls?.material.ca;
  return {
    url: deps.urls.publicUrl,
    ...(httpsPort !== undefined ? { httpsUrl: `https://localhost:${httpsPort}` } : {}),
    ...(ca ? { ca: { ...ca } } : {}),
    issuer: (userPoolId) => deps.urls.issuer(userPoolId),
    reset,
    setClockOffset: (seconds) => {
      deps.clock.offsetMs = seconds * 1000;
    },
    stop: () => app.close(),
  };
}

async function fixturesFrom(source: FixtureFile | string): Promise<LoadedFixture[]> {
  if (typeof source === 'string') return loadFixtures(source);
  return [parseFixture('(fixture object)', JSON.stringify(source))];
}
