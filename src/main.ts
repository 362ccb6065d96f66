#!/usr/bin/env node
// Process entry (the package's bin, `npm start`, the Docker image). It stays small and runs first
// because three things only work, or only pay off, before the rest of the emulator is loaded:
// - V8's heap settings (runtime-flags.ts);
// - holding SIGTERM/SIGINT: PID 1 in a container drops signals it has no handler for, so a
//   `docker stop` during start-up would wait out the whole grace period; cli.ts acts on them later;
// - compiling the emulator from V8's code cache (bundle-loader.ts): `npm run build` bundles
//   process.ts and all it loads into dist/cli.bundle.cjs.
// Without a bundle (src/ through tsx, or tsc output alone), process.ts is imported directly.
import './runtime-flags.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle-loader.js';

const early: NodeJS.Signals[] = [];
const hold = (signal: NodeJS.Signals) => { early.push(signal); };
process.on('SIGTERM', hold).on('SIGINT', hold);
const takeEarlySignal = (): NodeJS.Signals | undefined => {
  process.off('SIGTERM', hold).off('SIGINT', hold);
  return early[0];
};

const BUNDLE = fileURLToPath(new URL('./cli.bundle.cjs', import.meta.url));
/** Set by scripts/code-cache.mjs (npm run build): record the code cache once listening, then stop. */
const recordCache = process.env.COGNITO_EMULATOR_WRITE_CODE_CACHE === '1';

if (existsSync(BUNDLE)) {
  const bundle = loadBundle(BUNDLE, { useCache: !recordCache });
  bundle.start({
    takeEarlySignal, codeCache: bundle.codeCache,
    ...(recordCache ? { onListening: () => { bundle.writeCache(); process.kill(process.pid, 'SIGTERM'); } } : {}),
  });
} else {
  const { start } = await import('./process.js');
  start({ takeEarlySignal });
}
