#!/usr/bin/env node
// Process entry (the package's bin, `npm start`, the Docker image). It stays small and runs first
// because two things only work, or only pay off, before the rest of the emulator is loaded:
// - holding SIGTERM/SIGINT: PID 1 in a container drops signals it has no handler for, so a
//   `docker stop` during start-up would wait out the whole grace period; cli.ts acts on them later;
// - Node's compile cache (Node 22.1 and later): cli.ts and everything it loads are then read as
//   compiled code from the cache directory (NODE_COMPILE_CACHE, else the OS temporary directory)
//   instead of being parsed and compiled at every start. Node 20 has no compile cache and compiles
//   as usual. https://nodejs.org/api/module.html#module-compile-cache
// `npm run build` bundles this file and cli.ts in place (scripts/bundle.mjs), so a build runs two files.
import * as nodeModule from 'node:module';

const early: NodeJS.Signals[] = [];
const hold = (signal: NodeJS.Signals) => {
  early.push(signal);
};
process.on('SIGTERM', hold).on('SIGINT', hold);
const takeEarlySignal = (): NodeJS.Signals | undefined => {
  process.off('SIGTERM', hold).off('SIGINT', hold);
  return early[0];
};

/** Absent before Node 22.1 (and from @types/node 20). */
const { enableCompileCache } = nodeModule as { enableCompileCache?: () => { status: number; directory?: string } };
const compileCache = enableCompileCache?.();

const { runCli } = await import('./cli.js');
runCli({ takeEarlySignal, compileCache: compileCache?.directory });
