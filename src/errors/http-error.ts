// The one shape of every error the emulator answers with: an HTTP status, the wire code a client
// branches on (a Cognito exception name, an OAuth error code, …) and a message safe to send.
// Each surface (JSON API, OAuth JSON, browser pages, control API, well-known, the user import
// upload URL) serialises these in its own error handler, in its own wire format; nothing else builds
// error bodies. (With DATABASE_URL, a request whose changes cannot be committed is answered with the
// JSON API's StateUnavailable on every path, by the JSON API's serialiser: see app.ts.)

export class HttpError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * A fault armed through the test-control API, thrown where the request would have failed: the
 * surface the request belongs to answers it as one of its own errors.
 */
export class InjectedFault extends HttpError {
  override readonly name = 'InjectedFault';
}

/**
 * The status for an error that is not an HttpError: Fastify's own refusals of a malformed request
 * (bad JSON 400, 413 too large, 415 unsupported type) keep their 4xx; anything else is a bug, a 500.
 */
export function foreignStatus(err: { statusCode?: number }): number {
  const status = err.statusCode;
  return status !== undefined && status >= 400 && status < 500 ? status : 500;
}
