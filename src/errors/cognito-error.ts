// Cognito JSON API failures: HTTP 400 {"__type", "message"} (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html).
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
