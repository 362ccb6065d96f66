import type { FastifyRequest } from 'fastify';

/** The OAuth JSON endpoints take form bodies only (reference §4.1, §7). */
export const isFormRequest = (request: FastifyRequest): boolean =>
  request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded') === true;
