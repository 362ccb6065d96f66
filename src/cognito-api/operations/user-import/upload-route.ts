// The emulator's stand-in for the pre-signed S3 URL of a user import job: PUT the CSV file there
// (Cognito's documented `curl -T users.csv -H "x-amz-server-side-encryption:aws:kms" "<PreSignedUrl>"`
// works unchanged). Refusals are S3's XML errors. GET …/log returns the job's per-line results,
// which Cognito writes to CloudWatch Logs.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { safeEqual } from '../../../domain/passwords.js';
import { foreignStatus } from '../../../errors/http-error.js';
import { S3Error } from '../../../errors/s3-error.js';
import { putJob, storedJob } from './jobs-store.js';

/** Cognito takes CSV files up to 100 MB. */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The upload URL's one error serialiser: S3's XML <Error>; a request Fastify refuses gets S3's words for it. */
function s3ErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let error: S3Error;
  if (err instanceof S3Error) error = err;
  else {
    const status = foreignStatus(err);
    if (status === 500) request.log.error({ err }, 'unexpected error on the user import upload URL');
    error =
      status === 500
        ? new S3Error('InternalError', 'We encountered an internal error. Please try again.', 500)
        : status === 413
          ? new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', 400)
          : new S3Error('InvalidRequest', 'Bad request', status);
  }
  return reply
    .code(error.status)
    .type('application/xml')
    .send(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${xmlText(error.message)}</Message></Error>`);
}

interface Params {
  poolId: string;
  jobId: string;
}

export function userImportUploadRoutes(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'store'>): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler(s3ErrorHandler);

  const jobOf = (params: Params) => storedJob(deps.store, params.poolId, params.jobId);

  app.put<{ Params: Params; Querystring: Record<string, string | string[] | undefined> }>(
    '/_emulator/user-import/:poolId/:jobId',
    async (request, reply) => {
      const found = jobOf(request.params);
      const signature = request.query['X-Amz-Signature'];
      if (!found || typeof signature !== 'string' || !safeEqual(signature, found.job.UploadToken)) {
        throw new S3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 403);
      }
      if (deps.clock.now() > found.job.UploadExpiresAt) throw new S3Error('AccessDenied', 'Request has expired', 403);
      if (found.job.Status !== 'Created') throw new S3Error('AccessDenied', 'Access Denied', 403);
      const body = request.body;
      const csv = Buffer.isBuffer(body) ? body.toString('utf8') : '';
      await putJob(deps.store, found.pool, { ...found.job, Csv: csv });
      return reply
        .code(200)
        .header('etag', `"${found.job.UploadToken.slice(0, 32)}"`)
        .send();
    },
  );

  app.get<{ Params: Params }>('/_emulator/user-import/:poolId/:jobId/log', async (request, reply) => {
    const found = jobOf(request.params);
    if (!found) return reply.code(404).type('text/plain').send('No such import job\n');
    return reply.type('text/plain; charset=utf-8').send((found.job.Log ?? []).map((line) => `${line}\n`).join(''));
  });
}
