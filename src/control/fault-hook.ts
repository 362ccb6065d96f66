// Applies injected faults before routing: shaped like the area's own errors (OAuth JSON,
// Cognito's {"__type"}, or an HTML page), so clients see what the real service would send.
import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { pageHeaders } from '../http/headers.js';
import { errorPage } from '../hosted-ui/pages.js';
import type { Faults } from './faults.js';

const OAUTH_JSON = new Set(['/oauth2/token', '/oauth2/revoke', '/oauth2/userInfo']);
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

export function faultHook(app: FastifyInstance, faults: Faults, secure: () => boolean): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/_emulator/')) return;
    const target = request.headers['x-amz-target'];
    const operation = path === '/' && typeof target === 'string' && target.startsWith(TARGET_PREFIX)
      ? target.slice(TARGET_PREFIX.length) : undefined;
    const fault = faults.take(path, operation);
    if (!fault) return;
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.error === undefined) return;
    const message = fault.message ?? `Injected fault: ${fault.error}`;
    if (operation !== undefined) {
      return reply.code(fault.status).header('x-amzn-errortype', `${fault.error}:`).type('application/x-amz-json-1.1')
        .send({ __type: fault.error, message });
    }
    if (OAUTH_JSON.has(path)) {
      return reply.code(fault.status).header('cache-control', 'no-store').type('application/json;charset=UTF-8')
        .send({ error: fault.error, error_description: message });
    }
    return pageHeaders(reply, secure()).code(fault.status).type('text/html; charset=utf-8').send(errorPage(fault.error).value);
  });
}
