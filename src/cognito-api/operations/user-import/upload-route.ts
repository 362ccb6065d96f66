// The emulator's stand-in for the pre-signed S3 URL of a user import job: PUT the CSV file there
// (Cognito's documented `curl -T users.csv -H "x-amz-server-side-encryption:aws:kms" "<PreSignedUrl>"`
// works unchanged). Refusals are S3's XML errors. GET …/log returns the job's per-line results,
// which Cognito writes to CloudWatch Logs.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../deps.js';
import { putJob, storedJob } from './jobs-store.js';

/** Cognito takes CSV files up to 100 MB. */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;

const s3Error = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply
    .code(status)
    .type('application/xml')
    .send(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

interface Params {
  poolId: string;
  jobId: string;
}

export function userImportUploadRoutes(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'store'>): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => done(null, body));

  const jobOf = (params: Params) => storedJob(deps.store, params.poolId, params.jobId);

  app.put<{ Params: Params; Querystring: Record<string, string | string[] | undefined> }>(
    '/_emulator/user-import/:poolId/:jobId',
    async (request, reply) => {
      const found = jobOf(request.params);
      const signature = request.query['X-Amz-Signature'];
      if (!found || typeof signature !== 'string' || !sameSecret(signature, found.job.UploadToken)) {
        return s3Error(
          reply,
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided.',
        );
      }
      if (deps.clock.now() > found.job.UploadExpiresAt) return s3Error(reply, 403, 'AccessDenied', 'Request has expired');
      if (found.job.Status !== 'Created') return s3Error(reply, 403, 'AccessDenied', 'Access Denied');
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
