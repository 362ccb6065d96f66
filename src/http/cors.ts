// CORS for the browser-callable JSON surfaces: the Cognito JSON API (POST /) and the OAuth JSON
// endpoints. Browsers call Cognito cross-origin every day (Amplify, amazon-cognito-identity-js,
// oidc-client-ts), so any origin is allowed and no credentials (cookies) are involved.
// https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What the AWS SDK v3 for JavaScript, Amplify and OIDC libraries send on a cross-origin call. */
export const CORS_ALLOW_HEADERS = [
  'authorization',
  'cache-control',
  'content-type',
  'x-amz-target',
  'x-amz-user-agent',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'x-amz-cognito-request-id',
].join(', ');

/** Response headers a page's script may read: the SDK takes the request id and error type from them. */
export const CORS_EXPOSE_HEADERS = ['x-amzn-requestid', 'x-amzn-errortype', 'x-amzn-errormessage', 'x-amz-cognito-request-id', 'date'].join(
  ', ',
);

/** A list of header names (RFC 9110 tokens) that can be echoed back as they are. */
const HEADER_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:[ \t]*,[ \t]*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;

/** Marks a response readable by a page of any origin. */
export function allowAnyOrigin(reply: FastifyReply): FastifyReply {
  return reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', CORS_EXPOSE_HEADERS);
}

/**
 * Every answer of this plugin (errors, 413s, injected faults included) carries the CORS headers:
 * onSend runs whatever produced the reply.
 */
export function corsOnEveryResponse(app: FastifyInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    allowAnyOrigin(reply);
    done(null, payload);
  });
}

/**
 * Answers a preflight: 204, the methods given, and the headers the browser asks for (echoed when
 * they form a plain list of header names, so an SDK that adds a header keeps working), else ours.
 */
export function answerPreflight(request: FastifyRequest, reply: FastifyReply, methods: string): FastifyReply {
  const requested = request.headers['access-control-request-headers'];
  const allowHeaders = typeof requested === 'string' && HEADER_LIST.test(requested.trim()) ? requested.trim() : CORS_ALLOW_HEADERS;
  return allowAnyOrigin(reply)
    .code(204)
    .header('access-control-allow-methods', methods)
    .header('access-control-allow-headers', allowHeaders)
    .header('access-control-max-age', '86400')
    .send();
}
