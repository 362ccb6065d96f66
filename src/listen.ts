// Binds an emulator's listeners: the plain one (PORT), then the TLS one (HTTPS_PORT) when configured.
// The CLI and the programmatic API both start through here.
import type { Config } from './config.js';
import type { Emulator } from './emulator.js';
import { StartupError } from './errors/startup-error.js';

export interface Listening {
  port: number;
  /** Set when the TLS listener runs. */
  httpsPort?: number;
}

export async function listen(emulator: Emulator, config: Pick<Config, 'port' | 'host' | 'httpsPort'>): Promise<Listening> {
  const { app, deps, tls } = emulator;
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  deps.urls.listeningOn(port);
  if (!tls || config.httpsPort === undefined) return { port };
  try {
    return { port, httpsPort: await tls.listener.listen(config.httpsPort, config.host, tls.material) };
  } catch (err) {
    await app.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new StartupError(`HTTPS_PORT / --https-port: cannot listen on ${config.host}:${config.httpsPort} (${code})`);
    }
    throw err;
  }
}
