// POST / with X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html).
// Errors are HTTP 400 {"__type", "message"} with x-amzn-ErrorType; an operation we do not
// implement fails loudly with UnknownOperationException naming it.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { newUuid } from '../domain/ids.js';
import { CognitoError } from '../errors/cognito-error.js';
import { answerPreflight, corsOnEveryResponse } from '../http/cors.js';
import { AMZ_JSON, cognitoApiErrorHandler } from './errors.js';
import { checkInput } from './input-constraints.js';
import type { Input, Operation } from './operation.js';
import { OPERATIONS } from './operations/index.js';
import { TARGET_PREFIX, targetOperation } from './target.js';

export function cognitoApiRoutes(app: FastifyInstance, deps: Deps): void {
  // The SDKs send x-amz-json-1.1; accept 1.0 and plain JSON too. Prototype-poisoning keys are refused.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(['application/x-amz-json-1.1', 'application/x-amz-json-1.0'], { parseAs: 'string' }, jsonParser);

  const handlers = new Map<string, ReturnType<Operation>>(Object.entries(OPERATIONS).map(([name, op]) => [name, op(deps)]));

  app.setErrorHandler(cognitoApiErrorHandler);

  // Browsers call the JSON API cross-origin (Amplify, amazon-cognito-identity-js): the preflight is
  // answered, and every answer (errors and injected faults too) is readable by the page.
  corsOnEveryResponse(app);
  app.options('/', async (request, reply) => answerPreflight(request, reply, 'POST, OPTIONS'));

  app.post('/', async (request, reply) => {
    const name = targetOperation(request.headers);
    reply.header('x-amzn-requestid', newUuid());
    if (name === undefined) {
      throw new CognitoError('UnknownOperationException', `Missing or unknown X-Amz-Target header (expected ${TARGET_PREFIX}<Operation>)`);
    }
    const handler = handlers.get(name);
    if (!handler) throw new CognitoError('UnknownOperationException', `Operation ${name} is not supported by cognito-emulator`);
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new CognitoError('SerializationException', 'The request body must be a JSON object');
    }
    checkInput(name, body as Input);
    const output = await handler(body as Input, { headers: request.headers, ip: request.ip });
    return reply.type(AMZ_JSON).send(output);
  });
}
