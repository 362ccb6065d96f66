// The emulator process, as the bundle's entry (dist/cli.bundle.cjs; main.ts loads it): runs the
// command line (cli.ts).
import type { LoadedBundle } from './bundle-loader.js';

export interface ProcessHooks {
  /** A SIGTERM/SIGINT that arrived before the CLI could handle it (main.ts holds them). */
  takeEarlySignal: () => NodeJS.Signals | undefined;
  /** Called once the server listens. */
  onListening?: () => void;
  /** How main.ts compiled the bundle, for the debug log. */
  codeCache?: LoadedBundle['codeCache'];
}

export function start(hooks: ProcessHooks): void {
  void import('./cli.js').then(({ runCli }) => runCli(hooks));
}
