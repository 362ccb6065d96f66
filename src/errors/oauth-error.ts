// OAuth failures as values: each carries its wire code, HTTP status and an optional safe
// description (node-oidc-provider's model); the browser-side ones say where the browser goes
// instead. Handlers throw these; each area's error handler serialises them in one place.
import { HttpError } from './http-error.js';

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

export class OAuthError extends HttpError {
  override readonly name = 'OAuthError';
  declare readonly code: OAuthErrorCode;
  /**
   * With `bearerChallenge`, the error is also given in WWW-Authenticate (the userInfo endpoint's
   * answers to a missing or bad access token, https://datatracker.ietf.org/doc/html/rfc6750#section-3).
   */
  constructor(
    code: OAuthErrorCode,
    readonly description?: string,
    status = 400,
    readonly bearerChallenge = false,
  ) {
    super(code, description ? `${code}: ${description}` : code, status);
  }
}

/**
 * An authorize-time error that may go back to the (already verified) redirect_uri.
 * `params` are the query parameters in the order Cognito sends them.
 */
export class RedirectableError extends HttpError {
  override readonly name = 'RedirectableError';
  constructor(
    readonly redirectUri: string,
    readonly params: ReadonlyArray<readonly [string, string]>,
  ) {
    super(
      params.find(([k]) => k === 'error')?.[1] ?? 'invalid_request',
      `redirect error ${params.map(([k, v]) => `${k}=${v}`).join('&')}`,
      302,
    );
  }
}

/** Sends the browser to Cognito's own /error page (bad client_id or redirect_uri): never to the app. */
export class ErrorPageRedirect extends HttpError {
  override readonly name = 'ErrorPageRedirect';
  constructor(
    error: string,
    readonly clientId: string | undefined,
  ) {
    super(error, `error page: ${error}`, 302);
  }
}
