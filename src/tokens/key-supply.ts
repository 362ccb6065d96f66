// RSA key pairs generated ahead of need. main.ts starts one pool's worth (ID, access and refresh
// keys) before the rest of the emulator is even loaded, so key generation (on libuv's thread pool)
// overlaps module loading instead of following it: generating three 2048-bit keys was the largest
// single part of startup (bench/, issue 6). Keys not taken are dropped; a pool that finds the supply
// empty generates its own as before. All three at once: with /health waiting for the keys (the
// contract), generating them one at a time while the process starts measured no faster (medians of
// 15: 517 ms paced, 512 two at a time, 514 all at once, whose mean was the lowest).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { PrivateJwk } from '../domain/model.js';
import { generateJwk } from './keys.js';

/**
 * Whether this start will probably generate keys: not when keys come from DATA_FILE or from the
 * fixtures' SigningKeys. Generating them for nothing would take CPU from module loading and slow
 * startup by about a third (bench/). A hint only: a wrong guess costs time, never correctness.
 */
export function keysLikelyNeeded(config: Pick<Config, 'help' | 'dataFile' | 'fixtures'>): boolean {
  if (config.help || config.dataFile !== undefined || config.fixtures === undefined) return false;
  try {
    const path = config.fixtures;
    const files = statSync(path).isDirectory()
      ? readdirSync(path).filter((f) => f.endsWith('.json')).map((f) => join(path, f))
      : [path];
    return files.length > 0 && !files.some((f) => readFileSync(f, 'utf8').includes('"SigningKeys"'));
  } catch {
    return false; // the CLI reports the problem
  }
}

export class KeySupply {
  private readonly pending: Array<Promise<PrivateJwk>>;

  constructor(count: number) {
    this.pending = Array.from({ length: count }, () => {
      const key = generateJwk();
      // A key nobody takes must not fail the process; one that is taken reports its own failure.
      key.catch(() => undefined);
      return key;
    });
  }

  /** A key generated ahead, or undefined once the supply is used up. */
  take(): Promise<PrivateJwk> | undefined {
    return this.pending.shift();
  }
}
