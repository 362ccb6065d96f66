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
import type { Input, OperationContext, Output } from './operation.js';
import { TARGET_PREFIX, targetOperation } from './target.js';

export function cognitoApiRoutes(app: FastifyInstance, deps: Deps): void {
  // The SDKs send x-amz-json-1.1; accept 1.0 and plain JSON too. Prototype-poisoning keys are refused.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(['application/x-amz-json-1.1', 'application/x-amz-json-1.0'], { parseAs: 'string' }, jsonParser);

  // The operations and the service model's input constraints are a large share of the emulator's
  // code: they are loaded by the first API call (which pays for it, once) instead of at every start,
  // and a process that only serves OAuth and hosted pages never compiles them (README, Performance).
  let loaded: Promise<LoadedOperations> | undefined;
  const operations = () => {
    loaded ??= loadOperations(deps);
    return loaded;
  };

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
    const { handlers, checkInput } = await operations();
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

interface LoadedOperations {
  handlers: Map<string, (input: Input, ctx: OperationContext) => Promise<Output>>;
  checkInput: (name: string, input: Input) => void;
}

async function loadOperations(deps: Deps): Promise<LoadedOperations> {
  const [{ OPERATIONS }, { checkInput }] = await Promise.all([import('./operations/index.js'), import('./input-constraints.js')]);
  return { handlers: new Map(Object.entries(OPERATIONS).map(([name, op]) => [name, op(deps)])), checkInput };
}
