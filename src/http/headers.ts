// Response headers Cognito sends (https://docs.aws.amazon.com/cognito/latest/developerguide/login-endpoint.html), set in one place.
import type { FastifyReply } from 'fastify';
import { newUuid } from '../domain/ids.js';
import { CONTENT_SECURITY_POLICY } from '../hosted-ui/layout.js';

export const NO_STORE = 'no-cache, no-store, max-age=0, must-revalidate';

/** Token, userInfo and page responses must never be cached. */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', NO_STORE).header('pragma', 'no-cache').header('expires', '0');
}

export function cognitoRequestId(reply: FastifyReply): FastifyReply {
  return reply.header('x-amz-cognito-request-id', newUuid());
}

/** Browser-facing pages and redirects: no framing, no sniffing, no scripts but the pages' own. */
export function pageHeaders(reply: FastifyReply, secure: boolean): FastifyReply {
  noStore(cognitoRequestId(reply))
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('x-xss-protection', '1; mode=block')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', CONTENT_SECURITY_POLICY);
  if (secure) reply.header('strict-transport-security', 'max-age=31536000 ; includeSubDomains');
  return reply;
}
