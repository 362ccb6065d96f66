// The emulator process, as the bundle's entry (dist/cli.bundle.cjs; main.ts loads it): the RSA keys
// of one pool start generating on libuv's thread pool before the rest of the emulator is loaded, so
// generation overlaps module loading (bench/, issue 6); then the command line runs (cli.ts).
import type { LoadedBundle } from './bundle-loader.js';
import { loadConfig } from './config.js';
import { KeySupply, keysLikelyNeeded } from './tokens/key-supply.js';

export interface ProcessHooks {
  /** A SIGTERM/SIGINT that arrived before the CLI could handle it (main.ts holds them). */
  takeEarlySignal: () => NodeJS.Signals | undefined;
  /** Called once the server listens. */
  onListening?: () => void;
  /** How main.ts compiled the bundle, for the debug log. */
  codeCache?: LoadedBundle['codeCache'];
}

export function start(hooks: ProcessHooks): void {
  const keySupply = startKeySupply();
  // Loaded after the keys have started: in the bundle this runs the modules' initialisation.
  void import('./cli.js').then(({ runCli }) => runCli(keySupply, hooks));
}

function startKeySupply(): KeySupply | undefined {
  try {
    return keysLikelyNeeded(loadConfig(process.argv.slice(2), process.env)) ? new KeySupply(3) : undefined;
  } catch {
    return undefined; // a bad setting: cli.ts reports it
  }
}
