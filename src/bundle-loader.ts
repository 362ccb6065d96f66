// Runs the bundled emulator (dist/cli.bundle.cjs) with the V8 code cache `npm run build` recorded
// for it (dist/cli.bundle.cache, written by scripts/code-cache.mjs from a real start-up): reading
// compiled code instead of parsing and compiling 1.3 MB of JavaScript, plus every function start-up
// calls, took ~45 ms off a start (bench/; README, Performance). Node 20 has no module.enableCompileCache(), hence
// vm.Script, and a CommonJS bundle. A cache made by another Node version or with other V8 flags is
// rejected by V8, and the bundle compiles as usual.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import type { ProcessHooks } from './process.js';

export interface LoadedBundle {
  start: (hooks: ProcessHooks) => void;
  /** How the bundle was compiled, for the debug log. */
  codeCache: 'accepted' | 'rejected' | 'none';
  /** Writes the code cache as it is now (every function compiled so far) to the cache file. */
  writeCache: () => void;
}

export function loadBundle(file: string, options: { useCache: boolean }): LoadedBundle {
  const cacheFile = file.replace(/\.cjs$/, '.cache');
  const bytes = readFileSync(file);
  // scripts/bundle.mjs writes ASCII, which reads as Latin-1 in a third of the time UTF-8 takes.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = options.useCache ? readCache(cacheFile, bytes) : undefined;
  // Node's own CommonJS wrapper, so the bundle sees require/module/__filename as any .cjs file does.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as { start?: LoadedBundle['start'] } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (typeof module.exports.start !== 'function') throw new Error(`${file} does not export start()`);
  return {
    start: module.exports.start,
    codeCache: !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted',
    // Reads the bundle again rather than closing over `bytes`, which would keep 1.3 MB alive in
    // every process for a function only the build calls.
    writeCache: () => {
      writeFileSync(`${cacheFile}.tmp`, Buffer.concat([sha256(readFileSync(file)), script.createCachedData()]));
      renameSync(`${cacheFile}.tmp`, cacheFile);
    },
  };
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
