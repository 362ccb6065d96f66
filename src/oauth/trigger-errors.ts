// A trigger that fails during a browser sign-in sends the browser back to the app with
// `error_description=<Trigger> failed with error <message>. ` (trailing space included, as observed
// from Cognito) and `error=invalid_request`; on the token endpoint it is an invalid_request.
import { CognitoError } from '../errors/cognito-error.js';
import { OAuthError, RedirectableError } from '../errors/oauth-error.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';

const TRIGGER_ERRORS = new Set(['UserLambdaValidationException', 'UnexpectedLambdaException', 'InvalidLambdaResponseException']);

export const isTriggerError = (err: unknown): err is CognitoError => err instanceof CognitoError && TRIGGER_ERRORS.has(err.code);

export function triggerRedirect(req: Pick<AuthorizeRequest, 'redirectUri' | 'state'>, err: CognitoError): RedirectableError {
  return new RedirectableError(req.redirectUri, [
    ['error_description', `${err.message} `],
    ['error', 'invalid_request'],
    ...(req.state !== undefined ? [['state', req.state] as const] : []),
  ]);
}

/** Runs a browser sign-in step, turning trigger failures into the redirect. */
export async function redirectOnTriggerError<T>(req: Pick<AuthorizeRequest, 'redirectUri' | 'state'>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw isTriggerError(err) ? triggerRedirect(req, err) : err;
  }
}

/** Runs a token-endpoint grant, turning trigger failures into invalid_request with Cognito's message. */
export async function oauthTriggerError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw isTriggerError(err) ? new OAuthError('invalid_request', err.message) : err;
  }
}
