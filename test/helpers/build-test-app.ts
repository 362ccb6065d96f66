// buildTestApp(t): an emulator on the given fixture (default: test/helpers/fixture.ts), with a
// movable clock, torn down when the test ends. Requests go through app.inject().
import type { Test } from 'tap';
import { OffsetClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createEmulator, type Emulator } from '../../src/emulator.js';
import { parseFixture } from '../../src/fixtures/load.js';
import { TEST_FIXTURE } from './fixture.js';

export const PUBLIC_URL = 'http://localhost:9229';

export interface TestApp extends Emulator {
  clock: OffsetClock;
  config: Config;
}

export async function buildTestApp(t: Test, opts: { fixture?: object; config?: Partial<Config> } = {}): Promise<TestApp> {
  const config = { ...loadConfig([], {}), publicUrl: PUBLIC_URL, fixtures: undefined, ...opts.config };
  const clock = new OffsetClock();
  const fixtures = [parseFixture('test-fixture.json', JSON.stringify(opts.fixture ?? TEST_FIXTURE))];
  const emulator = await createEmulator({ config, fixtures, clock });
  t.teardown(() => emulator.app.close());
  return { ...emulator, clock, config };
}
