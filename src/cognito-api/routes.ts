// POST / with X-Amz-Target: AWSCognitoIdentityProviderService.<Operation> (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html).
// Errors are HTTP 400 {"__type", "message"} with x-amzn-ErrorType; an operation we do not
// implement fails loudly with UnknownOperationException naming it.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { newUuid } from '../domain/ids.js';
import { CognitoError } from '../errors/cognito-error.js';
import { answerPreflight, corsOnEveryResponse } from '../http/cors.js';
import { checkInput } from './input-constraints.js';
import type { Input, Operation } from './operation.js';
import { OPERATIONS } from './operations/index.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const AMZ_JSON = 'application/x-amz-json-1.1';

function sendError(reply: FastifyReply, type: string, message: string, status = 400) {
  return reply.code(status).header('x-amzn-errortype', `${type}:`).type(AMZ_JSON).send({ __type: type, message });
}

export function cognitoApiRoutes(app: FastifyInstance, deps: Deps): void {
  // The SDKs send x-amz-json-1.1; accept 1.0 and plain JSON too. Prototype-poisoning keys are refused.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(['application/x-amz-json-1.1', 'application/x-amz-json-1.0'], { parseAs: 'string' }, jsonParser);

  const handlers = new Map<string, ReturnType<Operation>>(
    Object.entries(OPERATIONS).map(([name, op]) => [name, op(deps)]),
  );

  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-amzn-requestid', newUuid());
    if (err instanceof CognitoError) return sendError(reply, err.type, err.message, err.status);
    if (err.statusCode === 413) return sendError(reply, 'InvalidParameterException', 'Request body is too large', 413);
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, 'SerializationException', 'The request body is not valid JSON', 400);
    }
    request.log.error({ err }, 'unexpected error in the Cognito JSON API');
    return sendError(reply, 'InternalErrorException', 'Internal error in cognito-emulator', 500);
  });

  // Browsers call the JSON API cross-origin (Amplify, amazon-cognito-identity-js): the preflight is
  // answered, and every answer (errors and injected faults too) is readable by the page.
  corsOnEveryResponse(app);
  app.options('/', async (request, reply) => answerPreflight(request, reply, 'POST, OPTIONS'));

  app.post('/', async (request, reply) => {
    const target = request.headers['x-amz-target'];
    reply.header('x-amzn-requestid', newUuid());
    if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
      throw new CognitoError('UnknownOperationException', 'Missing or unknown X-Amz-Target header (expected AWSCognitoIdentityProviderService.<Operation>)');
    }
    const name = target.slice(TARGET_PREFIX.length);
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
