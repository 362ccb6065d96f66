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
