// Applies injected faults before routing: shaped like the area's own errors (OAuth JSON,
// Cognito's {"__type"}, or an HTML page), so clients see what the real service would send.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { pageHeaders } from '../http/headers.js';
import { errorPage } from '../hosted-ui/pages.js';
import type { Faults } from './faults.js';

const OAUTH_JSON = new Set(['/oauth2/token', '/oauth2/revoke', '/oauth2/userInfo']);
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

export function faultHook(app: FastifyInstance, faults: Faults, secure: () => boolean): void {
  // Callback-style, so a request pays nothing when no fault is armed (the usual case); an armed
  // fault either answers (and the request goes no further) or lets it continue. The area's own
  // onSend hooks still run on a fault's answer (CORS headers included).
  app.addHook('onRequest', (request, reply, done) => {
    if (!faults.armed) {
      done();
      return;
    }
    applyFault(request, reply, faults, secure).then((answered) => { if (!answered) done(); }, done);
  });
}

/** Applies the first matching fault; true when it answered the request itself. */
async function applyFault(request: FastifyRequest, reply: FastifyReply, faults: Faults, secure: () => boolean): Promise<boolean> {
  const path = request.url.split('?')[0] ?? '';
  // A CORS preflight is not the request a test means to fail: it would use up the fault.
  if (request.method === 'OPTIONS' || path.startsWith('/_emulator/')) return false;
  const target = request.headers['x-amz-target'];
  const operation = path === '/' && typeof target === 'string' && target.startsWith(TARGET_PREFIX)
    ? target.slice(TARGET_PREFIX.length) : undefined;
  const fault = faults.take(path, operation);
  if (!fault) return false;
  if (fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault.error === undefined) return false;
  const message = fault.message ?? `Injected fault: ${fault.error}`;
  if (operation !== undefined) {
    reply.code(fault.status).header('x-amzn-errortype', `${fault.error}:`).type('application/x-amz-json-1.1')
      .send({ __type: fault.error, message });
  } else if (OAUTH_JSON.has(path)) {
    reply.code(fault.status).header('cache-control', 'no-store').type('application/json;charset=UTF-8')
      .send({ error: fault.error, error_description: message });
  } else {
    pageHeaders(reply, secure()).code(fault.status).type('text/html; charset=utf-8').send(errorPage(fault.error).value);
  }
  return true;
}
