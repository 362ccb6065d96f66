// The JSON API's one error serialiser: HTTP 400 (or the error's status) {"__type", "message"} with
// x-amzn-ErrorType, as the AWS SDKs read it
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { newUuid } from '../domain/ids.js';
import { CognitoError } from '../errors/cognito-error.js';
import { foreignStatus, InjectedFault } from '../errors/http-error.js';

export const AMZ_JSON = 'application/x-amz-json-1.1';

/** Anything thrown while answering a JSON API request, as the Cognito error the client receives. */
function asCognitoError(err: FastifyError, request: FastifyRequest): CognitoError {
  if (err instanceof CognitoError) return err;
  if (err instanceof InjectedFault) return new CognitoError(err.code, err.message, err.status);
  const status = foreignStatus(err);
  if (status === 413) return new CognitoError('InvalidParameterException', 'Request body is too large', 413);
  if (status < 500) return new CognitoError('SerializationException', 'The request body is not valid JSON');
  request.log.error({ err }, 'unexpected error in the Cognito JSON API');
  return new CognitoError('InternalErrorException', 'Internal error in cognito-emulator', 500);
}

/**
 * Puts a Cognito error's status and headers on the reply and returns its body: the JSON API's one
 * wire format for errors, shared by its error handler and the replica's refusal (app.ts), which
 * answers from an onSend hook where the body is returned rather than sent.
 */
export function cognitoErrorBody(reply: FastifyReply, error: CognitoError): string {
  reply.code(error.status).header('x-amzn-requestid', newUuid()).header('x-amzn-errortype', `${error.code}:`).type(AMZ_JSON);
  return JSON.stringify({ __type: error.code, message: error.message });
}

export function cognitoApiErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return reply.send(cognitoErrorBody(reply, asCognitoError(err, request)));
}
