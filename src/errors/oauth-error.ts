// OAuth failures as values: each carries its wire code, HTTP status, an optional safe
// description, and whether it may be sent back to the client's redirect_uri (node-oidc-provider's
// model). Handlers throw these; each area's error handler serialises them in one place.

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'unsupported_token_type'
  | 'invalid_token'
  | 'login_required'
  | 'server_error'
  | 'access_denied';

export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly error: OAuthErrorCode,
    readonly description?: string,
    readonly status = 400,
  ) {
    super(description ? `${error}: ${description}` : error);
  }
}

/**
 * An authorize-time error that may go back to the (already verified) redirect_uri.
 * `params` are the query parameters in the order Cognito sends them.
 */
export class RedirectableError extends Error {
  override readonly name = 'RedirectableError';
  constructor(
    readonly redirectUri: string,
    readonly params: ReadonlyArray<readonly [string, string]>,
  ) {
    super(`redirect error ${params.map(([k, v]) => `${k}=${v}`).join('&')}`);
  }
}

/** Sends the browser to Cognito's own /error page (bad client_id or redirect_uri): never to the app. */
export class ErrorPageRedirect extends Error {
  override readonly name = 'ErrorPageRedirect';
  constructor(
    readonly error: string,
    readonly clientId: string | undefined,
  ) {
    super(`error page: ${error}`);
  }
}
