// The command line (loaded by main.ts once the process is set up): read settings, build the
// emulator, listen, close cleanly on SIGTERM/SIGINT. Startup problems print one line and exit with code 2.
import { helpText, loadConfig } from './config.js';
import { createEmulator } from './emulator.js';
import { listen } from './listen.js';
import { StartupError } from './errors/startup-error.js';
import { createLogger } from './logger.js';
import { tuneHeapForServing } from './runtime-flags.js';
import { watchFixtures } from './watch.js';

/** What main.ts set up before loading this module. */
export interface ProcessHooks {
  /** A SIGTERM/SIGINT that arrived before the CLI could handle it (main.ts holds them). */
  takeEarlySignal: () => NodeJS.Signals | undefined;
  /** The compile cache directory in use (Node 22.1 and later), for the debug log. */
  compileCache?: string | undefined;
}

async function main(hooks: ProcessHooks): Promise<void> {
  const config = loadConfig(process.argv.slice(2), process.env);
  if (config.help) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  const logger = createLogger(config.logLevel, process.stdout.isTTY === true && process.env.LOG_FORMAT !== 'json');
  logger.debug({ compileCache: hooks.compileCache ?? null }, `compile cache: ${hooks.compileCache ?? 'off'}`);
  const emulator = await createEmulator({ config, logger });
  const { app, deps } = emulator;
  const { port, httpsPort } = await listen(emulator, config);
  tuneHeapForServing();
  const pools = deps.store.listPools().map((p) => ({
    id: p.Id,
    name: p.Name,
    issuer: deps.urls.issuer(p.Id),
    clients: deps.store.listClients(p.Id).map((c) => c.ClientId),
  }));
  const issuerMode = config.issuerUrl.includes('amazonaws.com')
    ? 'aws'
    : config.issuerUrl === '{publicUrl}/{userPoolId}'
      ? 'local'
      : 'custom';
  logger.info(
    { url: deps.urls.publicUrl, port, issuerMode, pools },
    `cognito-emulator listening on ${deps.urls.publicUrl} (${pools.length} pool(s), issuer ${issuerMode}: ` +
      `${pools[0] ? deps.urls.issuer(pools[0].id) : config.issuerUrl})`,
  );
  if (httpsPort !== undefined) {
    const ca = emulator.tls?.material.ca;
    logger.info(
      { httpsUrl: `https://localhost:${httpsPort}`, httpsPort, ...(ca ? { caFile: ca.path } : {}) },
      ca
        ? `also listening with TLS on https://localhost:${httpsPort}; trust the local CA ${ca.path} (e.g. ` +
            `NODE_EXTRA_CA_CERTS=${ca.path}), also served at ${deps.urls.publicUrl}/_emulator/tls/ca.pem`
        : `also listening with TLS on https://localhost:${httpsPort} (TLS_CERT / TLS_KEY)`,
    );
  }

  // Hooks can no longer be added once listening: the watcher is stopped by shutdown() itself.
  const stopWatching = config.watch && config.fixtures ? watchFixtures(config.fixtures, emulator, logger) : () => {};

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    stopWatching();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  const pending = hooks.takeEarlySignal();
  if (pending) shutdown(pending);
}

export function runCli(hooks: ProcessHooks): void {
  main(hooks).catch(failed);
}

function failed(err: unknown): void {
  if (err instanceof StartupError) {
    process.stderr.write(`cognito-emulator: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`cognito-emulator: unexpected startup failure: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
}
