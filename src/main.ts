#!/usr/bin/env node
// Process entry (the package's bin, `npm start`, the Docker image). It stays small and runs first
// because three things only work, or only pay off, before the rest of the emulator is loaded:
// - V8's heap settings (runtime-flags.ts);
// - holding SIGTERM/SIGINT: PID 1 in a container drops signals it has no handler for, so a
//   `docker stop` during start-up would wait out the whole grace period; cli.ts acts on them later;
// - compiling the emulator with V8's code cache. `npm run build` bundles everything after this file
//   into dist/cli.bundle.cjs and records V8's compiled code for it (dist/cli.bundle.cache, written by
//   scripts/code-cache.mjs from a real start-up). Reading compiled code instead of parsing and
//   compiling 1.2 MB of JavaScript (plus every function start-up calls) takes ~60 ms off a start
//   (bench/, issue 6). Node 20 has no module.enableCompileCache(), hence vm.Script. A cache made by
//   another Node version or with other V8 flags is rejected by V8 and the bundle compiles as usual.
// Without a bundle (running src/ through tsx), process.ts is imported directly.
import './runtime-flags.js';
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { ProcessHooks } from './process.js';

const early: NodeJS.Signals[] = [];
const hold = (signal: NodeJS.Signals) => { early.push(signal); };
process.on('SIGTERM', hold).on('SIGINT', hold);
const takeEarlySignal = (): NodeJS.Signals | undefined => {
  process.off('SIGTERM', hold).off('SIGINT', hold);
  return early[0];
};

const BUNDLE = fileURLToPath(new URL('./cli.bundle.cjs', import.meta.url));
/** Set by scripts/code-cache.mjs: write the code cache once the server listens, then stop. */
const CACHE_OUT = process.env.COGNITO_EMULATOR_WRITE_CODE_CACHE;

if (existsSync(BUNDLE)) {
  const { start, codeCache, script } = loadBundle(BUNDLE, `${BUNDLE.slice(0, -'.cjs'.length)}.cache`);
  start({
    takeEarlySignal, codeCache,
    ...(CACHE_OUT ? { onListening: () => writeCache(script, CACHE_OUT) } : {}),
  });
} else {
  const { start } = await import('./process.js');
  start({ takeEarlySignal });
}

function loadBundle(file: string, cacheFile: string) {
  const bytes = readFileSync(file);
  // scripts/bundle.mjs writes ASCII, which reads as Latin-1 in a third of the time UTF-8 takes.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = CACHE_OUT ? undefined : readCache(cacheFile, bytes);
  // Node's own CommonJS wrapper, so the bundle sees require/module/__filename as any .cjs file does.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as { start?: (hooks: ProcessHooks) => void } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (typeof module.exports.start !== 'function') throw new Error(`${file} does not export start()`);
  const codeCache = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { start: module.exports.start, codeCache, script };
}

/**
 * The cache file is the SHA-256 of the bundle it was made for, then V8's data. V8 itself only
 * compares the source's length, and a cache for other code of the same length would be wrong.
 */
function readCache(file: string, bundle: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined; // not built by npm run build: compile as usual
  }
  return data.subarray(0, 32).equals(sha256(bundle)) ? data.subarray(32) : undefined;
}

function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** The cache holds every function compiled so far: by now, all that start-up runs. */
function writeCache(script: Script, file: string): void {
  writeFileSync(`${file}.tmp`, Buffer.concat([sha256(readFileSync(BUNDLE)), script.createCachedData()]));
  renameSync(`${file}.tmp`, file);
  process.kill(process.pid, 'SIGTERM');
}
