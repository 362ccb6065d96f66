// The emulator through its programmatic API with a TLS port (startEmulator({ httpsPort: 0 })), its
// generated CA kept in a temp dir instead of the user's cache; stopped and removed when `t` ends.
import type { Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type FixtureFile, type RunningEmulator } from '../../src/index.js';

export type HttpsEmulator = RunningEmulator & { httpsUrl: string; ca: { path: string; pem: string } };

export async function startHttpsEmulator(t: Test, fixtures: object): Promise<HttpsEmulator> {
  const tlsDir = mkdtempSync(join(tmpdir(), 'cognito-emulator-tls-'));
  t.teardown(() => rmSync(tlsDir, { recursive: true, force: true }));
  const emulator = await startEmulator({ fixtures: fixtures as FixtureFile, httpsPort: 0, tlsDir });
  t.teardown(() => emulator.stop());
  const { httpsUrl, ca } = emulator;
  if (httpsUrl === undefined || ca === undefined) throw new Error('startEmulator({ httpsPort }) gave no httpsUrl or CA');
  return { ...emulator, httpsUrl, ca };
}
