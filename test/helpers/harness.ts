// The one way a test runs an emulator: createEmulator on a fixture (default: TEST_FIXTURE) with a
// movable clock, closed when the test ends. Two modes:
// - inject (the default): requests go through app.inject(); the public URL is PUBLIC_URL;
// - listen (`listen: true`): a real server on 127.0.0.1 with an OS-chosen port, for real clients
//   (AWS SDK, openid-client, aws-jwt-verify, undici, a browser); `url` is http://localhost:<port>.
// It never binds or contacts anything but the loopback address.
import type { Test } from 'tap';
import { OffsetClock } from '../../src/clock.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createEmulator, type Emulator } from '../../src/emulator.js';
import { parseFixture } from '../../src/fixtures/load.js';
import type { TriggerHandler } from '../../src/triggers/in-process.js';
import { TEST_FIXTURE } from './fixtures/index.js';

export const PUBLIC_URL = 'http://localhost:9229';
export const LOOPBACK = '127.0.0.1';

export interface HarnessOptions {
  fixture?: object;
  /** Settings over the defaults (issuerUrl, publicUrl, …). */
  config?: Partial<Config>;
  /** In-process trigger handlers by function ARN or name. */
  triggers?: Readonly<Record<string, TriggerHandler>>;
}

export interface TestEmulator extends Emulator {
  clock: OffsetClock;
  config: Config;
  /** The emulator's public URL: PUBLIC_URL when injecting, http://localhost:<port> when listening. */
  url: string;
}

export interface ListeningEmulator extends TestEmulator {
  port: number;
}

/** An emulator for this test, injected into (default) or listening on 127.0.0.1 (`listen: true`). */
export function testEmulator(t: Test, opts?: HarnessOptions & { listen?: false }): Promise<TestEmulator>;
export function testEmulator(t: Test, opts: HarnessOptions & { listen: true }): Promise<ListeningEmulator>;
export async function testEmulator(t: Test, opts: HarnessOptions & { listen?: boolean } = {}): Promise<TestEmulator | ListeningEmulator> {
  const listen = opts.listen === true;
  const config: Config = {
    ...loadConfig([], {}),
    fixtures: undefined,
    ...(listen ? { port: 0, host: LOOPBACK, publicUrl: undefined } : { publicUrl: PUBLIC_URL }),
    ...opts.config,
  };
  const clock = new OffsetClock();
  const fixtures = [parseFixture('test-fixture.json', JSON.stringify(opts.fixture ?? TEST_FIXTURE))];
  const emulator = await createEmulator({ config, fixtures, clock, ...(opts.triggers ? { triggers: opts.triggers } : {}) });
  t.teardown(() => emulator.app.close());
  if (!listen) return { ...emulator, clock, config, url: emulator.deps.urls.publicUrl };
  await emulator.app.listen({ host: LOOPBACK, port: 0 });
  const address = emulator.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('server has no TCP address');
  if (address.address !== LOOPBACK) throw new Error(`server bound to ${address.address}, expected ${LOOPBACK}`);
  emulator.deps.urls.listeningOn(address.port);
  return { ...emulator, clock, config, url: emulator.deps.urls.publicUrl, port: address.port };
}
