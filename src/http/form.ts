import type { FastifyRequest } from 'fastify';

/** The OAuth JSON endpoints take form bodies only (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html). */
export const isFormRequest = (request: FastifyRequest): boolean =>
  request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded') === true;
