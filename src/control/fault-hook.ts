// Applies injected faults before routing. A fault is thrown as an InjectedFault where the request
// would have failed, so the area the request belongs to answers it with its own error serialiser
// (Cognito's {"__type"}, OAuth JSON, an HTML page): clients see what the real service would send.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { targetOperation } from '../cognito-api/target.js';
import { InjectedFault } from '../errors/http-error.js';
import type { Faults } from '../state/faults.js';

export function faultHook(app: FastifyInstance, faults: Faults): void {
  // Callback-style, so a request pays nothing when no fault is armed (the usual case); an armed
  // fault either fails the request or lets it continue.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!faults.armed) {
      done();
      return;
    }
    applyFault(request, faults).then(() => done(), done);
  });
}

/** Takes the first matching fault: waits its delay, then throws its error if it has one. */
async function applyFault(request: FastifyRequest, faults: Faults): Promise<void> {
  const path = request.url.split('?')[0] ?? '';
  // A CORS preflight is not the request a test means to fail: it would use up the fault.
  if (request.method === 'OPTIONS' || path.startsWith('/_emulator/')) return;
  const operation = path === '/' ? targetOperation(request.headers) : undefined;
  const fault = faults.take(path, operation);
  if (!fault) return;
  if (fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault.error !== undefined) throw new InjectedFault(fault.error, fault.message ?? `Injected fault: ${fault.error}`, fault.status);
}
