// The TLS listener: a node:https server handing every request to the same Fastify app as the plain
// listener (fastify.routing), so both serve identical routes, hooks and state. Closing the app
// closes it too: it stops accepting at once, idle keep-alive connections are dropped, in-flight
// requests finish (their answers carry `connection: close`, see app.ts).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { TlsMaterial } from './material.js';

/** Fastify's own keep-alive timeout, so both listeners treat idle connections alike. */
const KEEP_ALIVE_MS = 72_000;

export class HttpsListener {
  private server: Server | undefined;
  private closed: Promise<void> = Promise.resolve();

  /** Must be constructed before the app is ready: it adds the close hooks. */
  constructor(private readonly app: FastifyInstance) {
    app.addHook('preClose', (done) => {
      const server = this.server;
      if (server) {
        this.closed = new Promise((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
      }
      done();
    });
    app.addHook('onClose', async () => {
      await this.closed;
    });
  }

  /** Listens (once the app is ready) and returns the port bound. */
  async listen(port: number, host: string, material: Pick<TlsMaterial, 'cert' | 'key'>): Promise<number> {
    await this.app.ready();
    const server = createServer({ cert: material.cert, key: material.key }, (req, res) => this.app.routing(req, res));
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  get listening(): boolean {
    return this.server?.listening === true;
  }
}
