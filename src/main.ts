#!/usr/bin/env node
// Process entry. Two things come before the rest of the emulator is loaded, because they only work
// or only pay off when they come first: V8's heap settings (runtime-flags.ts), and the RSA keys of
// one pool, which start generating on libuv's thread pool so that generation overlaps module
// loading (bench/, issue 6). Then the command line runs (cli.ts).
import './runtime-flags.js';
import { loadConfig } from './config.js';
import { KeySupply, keysLikelyNeeded } from './tokens/key-supply.js';

// PID 1 in a container drops signals it has no handler for: a `docker stop` during start-up would
// wait out the whole grace period. Remember early signals; cli.ts acts on them once it can close.
const early: NodeJS.Signals[] = [];
const hold = (signal: NodeJS.Signals) => { early.push(signal); };
process.on('SIGTERM', hold).on('SIGINT', hold);
const takeEarlySignal = (): NodeJS.Signals | undefined => {
  process.off('SIGTERM', hold).off('SIGINT', hold);
  return early[0];
};

const keySupply = startKeySupply();
const { runCli } = await import('./cli.js');
runCli(keySupply, takeEarlySignal);

function startKeySupply(): KeySupply | undefined {
  try {
    return keysLikelyNeeded(loadConfig(process.argv.slice(2), process.env)) ? new KeySupply(3) : undefined;
  } catch {
    return undefined; // a bad setting: cli.ts reports it
  }
}
