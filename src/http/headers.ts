// Response headers Cognito sends (https://docs.aws.amazon.com/cognito/latest/developerguide/login-endpoint.html), set in one place.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { newUuid } from '../domain/ids.js';

export const NO_STORE = 'no-cache, no-store, max-age=0, must-revalidate';

/** Token, userInfo and page responses must never be cached. */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', NO_STORE).header('pragma', 'no-cache').header('expires', '0');
}

export function cognitoRequestId(reply: FastifyReply): FastifyReply {
  return reply.header('x-amz-cognito-request-id', newUuid());
}

export interface PagePolicy {
  /** PUBLIC_URL is https: pages add Strict-Transport-Security. */
  secure: boolean;
  /** The pages' Content-Security-Policy. */
  csp: string;
}

/** Browser-facing pages and redirects: no framing, no sniffing, no scripts but the pages' own. */
export function pageHeaders(reply: FastifyReply, policy: PagePolicy): FastifyReply {
  noStore(cognitoRequestId(reply))
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('x-xss-protection', '1; mode=block')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', policy.csp);
  if (policy.secure) reply.header('strict-transport-security', 'max-age=31536000 ; includeSubDomains');
  return reply;
}

/** Every answer of this scope (pages, redirects, errors, injected faults) carries the page headers. */
export function pageHeadersOnEveryResponse(scope: FastifyInstance, policy: PagePolicy): void {
  scope.addHook('onSend', (_request, reply, payload, done) => {
    pageHeaders(reply, policy);
    done(null, payload);
  });
}
