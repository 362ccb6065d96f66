// Cognito JSON API failures: HTTP 400 {"__type", "message"}
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html).
// `code` is the exception name (NotAuthorizedException, …).
import { HttpError } from './http-error.js';

export class CognitoError extends HttpError {
  override readonly name = 'CognitoError';
  constructor(type: string, message: string, status = 400) {
    super(type, message, status);
  }
}

/**
 * With DATABASE_URL: a change the request made could not be written to the shared database, so the
 * answer it was about to get is withheld. A 503, which the AWS SDKs retry as AWS's common
 * ServiceUnavailable error (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html);
 * the emulator has always named it ServiceUnavailableException, and tests may match that name.
 */
export class StateUnavailable extends CognitoError {
  constructor() {
    super('ServiceUnavailableException', 'The shared state database could not be reached.', 503);
  }
}
