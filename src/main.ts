#!/usr/bin/env node
// Process entry. Two things come before the rest of the emulator is loaded, because they only work
// or only pay off when they come first: V8's heap settings (runtime-flags.ts), and the RSA keys of
// one pool, which start generating on libuv's thread pool so that generation overlaps module
// loading (bench/, issue 6). Then the command line runs (cli.ts).
import './runtime-flags.js';
import { loadConfig } from './config.js';
import { KeySupply, keysLikelyNeeded } from './tokens/key-supply.js';

const keySupply = startKeySupply();
const { runCli } = await import('./cli.js');
runCli(keySupply);

function startKeySupply(): KeySupply | undefined {
  try {
    return keysLikelyNeeded(loadConfig(process.argv.slice(2), process.env)) ? new KeySupply(3) : undefined;
  } catch {
    return undefined; // a bad setting: cli.ts reports it
  }
}
