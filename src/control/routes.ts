// /_emulator/*: the test-control API (README, Test-control API). Never part of Cognito's surface. Errors are
// {"error", "message"} JSON with 400/404.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { epochSeconds } from '../clock.js';
import { ControlError } from '../errors/control-error.js';
import { foreignStatus, HttpError } from '../errors/http-error.js';
import { mintTokens } from './mint-tokens.js';
import { readFaultSpec } from './fault-spec.js';

export interface ControlDeps extends Deps {
  reset(): Promise<void>;
  /** The generated local CA of the TLS listener, if there is one. */
  tlsCa?: { path: string; pem: string };
}

const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

const body = (raw: unknown): Record<string, unknown> =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

export function controlRoutes(app: FastifyInstance, deps: ControlDeps): void {
  app.setErrorHandler(controlErrorHandler);

  app.post('/_emulator/reset', async () => {
    await deps.reset();
    return { status: 'reset' };
  });

  const clockView = () => {
    const now = deps.clock.now();
    return { now: new Date(now).toISOString(), epochSeconds: epochSeconds(now), offsetSeconds: deps.clock.offsetMs / 1000 };
  };
  app.get('/_emulator/clock', async () => clockView());
  app.post('/_emulator/clock', async (request) => {
    const input = body(request.body);
    // The moved time must stay a date every part of the emulator can print (1970 to 9999).
    const inRange = (ms: number) => Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME_MS;
    if (typeof input.offsetSeconds === 'number' && inRange(Date.now() + input.offsetSeconds * 1000) && input.now === undefined) {
      deps.clock.offsetMs = input.offsetSeconds * 1000;
    } else if (typeof input.now === 'string' && input.offsetSeconds === undefined && inRange(Date.parse(input.now))) {
      deps.clock.offsetMs = Date.parse(input.now) - Date.now();
    } else {
      throw new ControlError(
        'InvalidRequest',
        'Send {"offsetSeconds": <number>} or {"now": "<ISO-8601 time>"}, for a time between 1970 and 9999',
      );
    }
    return clockView();
  });

  app.get('/_emulator/faults', async () => ({ faults: deps.faults.pending() }));
  app.post('/_emulator/faults', async (request) => {
    deps.faults.add(readFaultSpec(body(request.body)));
    return { faults: deps.faults.pending() };
  });
  app.delete('/_emulator/faults', async () => {
    deps.faults.clear();
    return { faults: [] };
  });

  app.post('/_emulator/tokens', async (request) => mintTokens(body(request.body), deps));

  app.get('/_emulator/codes', async () => ({
    codes: deps.authorizationCodes.list().map((c) => ({ ...c, expiresAt: new Date(c.expiresAt).toISOString() })),
  }));
  app.get('/_emulator/sessions', async () => ({ sessions: deps.sessions.list() }));

  // The local CA that signed the TLS listener's certificate: for NODE_EXTRA_CA_CERTS, a browser's or
  // a test runner's trust store. Served over plain http too, so it can be fetched before it is trusted.
  app.get('/_emulator/tls/ca.pem', async (_request, reply) => {
    if (!deps.tlsCa) {
      throw new ControlError('NotFound', 'No local CA: the TLS listener is off (set HTTPS_PORT) or serves TLS_CERT / TLS_KEY', 404);
    }
    return reply.type('application/x-pem-file').send(deps.tlsCa.pem);
  });
}

/** The control API's one error serialiser: {"error", "message"} for ours (and the Cognito or OAuth errors its helpers throw). */
function controlErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof HttpError) return reply.code(err.status).send({ error: err.code, message: err.message });
  const status = foreignStatus(err);
  if (status === 500) request.log.error({ err }, 'unexpected error in the control API');
  return reply.code(status).send({ error: status === 500 ? 'InternalError' : 'InvalidRequest', message: err.message });
}
