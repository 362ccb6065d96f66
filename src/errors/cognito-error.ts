// Cognito JSON API failures: HTTP 400 {"__type", "message"} (reference §11.1, §11.6).
export class CognitoError extends Error {
  override readonly name = 'CognitoError';
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
