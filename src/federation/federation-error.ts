// A federated sign-in that failed upstream: Cognito sends the browser back to the app with
// `error_description=<text>&error=invalid_request`
// (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html, error responses).
export class FederationError extends Error {
  override readonly name = 'FederationError';
}
