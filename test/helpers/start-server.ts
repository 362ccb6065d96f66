// startServer(t): a real emulator listening on 127.0.0.1 with an OS-chosen port, for tests that
// drive it with real clients (openid-client, aws-jwt-verify, undici, a browser). Closed when the
// test ends. It never binds or contacts anything but the loopback address.
import type { Test } from 'tap';
import { OffsetClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createEmulator, type Emulator } from '../../src/emulator.js';
import { parseFixture } from '../../src/fixtures/load.js';
import { TEST_FIXTURE } from './fixture.js';
import type { TriggerHandler } from '../../src/triggers/in-process.js';

export interface StartedServer {
  /** Base URL of the emulator (its PUBLIC_URL): http://localhost:<port>. */
  url: string;
  port: number;
  app: Emulator['app'];
  deps: Emulator['deps'];
  clock: OffsetClock;
}

export interface StartServerOptions {
  /** ISSUER_URL template, e.g. 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}'. */
  issuerUrl?: string;
  fixture?: object;
  /** In-process trigger handlers by function ARN or name. */
  triggers?: Readonly<Record<string, TriggerHandler>>;
}

export const LOOPBACK = '127.0.0.1';

export async function startServer(t: Test, opts: StartServerOptions = {}): Promise<StartedServer> {
  const config: Config = {
    ...loadConfig([], {}),
    port: 0,
    host: LOOPBACK,
    fixtures: undefined,
    publicUrl: undefined,
    ...(opts.issuerUrl !== undefined ? { issuerUrl: opts.issuerUrl } : {}),
  };
  const clock = new OffsetClock();
  const fixtures = [parseFixture('test-fixture.json', JSON.stringify(opts.fixture ?? TEST_FIXTURE))];
  const { app, deps } = await createEmulator({ config, fixtures, clock, ...(opts.triggers ? { triggers: opts.triggers } : {}) });
  t.teardown(() => app.close());
  await app.listen({ host: LOOPBACK, port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('server has no TCP address');
  if (address.address !== LOOPBACK) throw new Error(`server bound to ${address.address}, expected ${LOOPBACK}`);
  deps.urls.listeningOn(address.port);
  return { url: deps.urls.publicUrl, port: address.port, app, deps, clock };
}
