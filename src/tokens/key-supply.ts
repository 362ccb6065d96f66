// RSA key pairs for the CLI process, generated ahead of need and paced. main.ts starts one pool's
// worth (ID, access and refresh keys) before the rest of the emulator is even loaded, so generation
// (on libuv's thread pool) overlaps module loading instead of following it: three 2048-bit keys
// were the largest single part of start-up (bench/, issue 6).
// Pacing: while the process starts, one key at a time. On a two-core machine, three generations at
// once left the main thread a fraction of a core and queued its file reads behind them on the
// pool: start-up to /health took 750 ms, against 510 ms with fixture keys and 530 ms one at a time
// (median of 9, bench's machine). Once the server listens (cli.ts calls unthrottle()), whatever is
// still waiting starts at once. Pools never wait for their keys at start-up anyway (see Keys).
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
  private readonly ahead: Array<Promise<PrivateJwk>>;
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private throttled = true;

  constructor(count: number) {
    this.ahead = Array.from({ length: count }, () => this.generate());
  }

  /** A key generated ahead while any is left, else a new one (paced like the others). */
  take(): Promise<PrivateJwk> {
    return this.ahead.shift() ?? this.generate();
  }

  /** Start-up is over: the keys still waiting for their turn start now, all at once. */
  unthrottle(): void {
    this.throttled = false;
    for (const start of this.waiting.splice(0)) start();
  }

  private generate(): Promise<PrivateJwk> {
    const key = this.turn().then(generateJwk).finally(() => {
      this.running--;
      this.waiting.shift()?.();
    });
    // A key nobody takes must not fail the process; one that is taken reports its own failure.
    key.catch(() => undefined);
    return key;
  }

  private turn(): Promise<void> {
    if (!this.throttled || this.running === 0) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => {
      this.running++;
      resolve();
    }));
  }
}
