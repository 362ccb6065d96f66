// User import jobs live on their pool's record (UserImportJobs by JobId), written through the Store.
import type { UserImportJob, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Store } from '../../../store/store.js';
import { recordIn, withRecord } from '../pool-records.js';

/** Jobs not started within a day expire, as Cognito's do. */
export const JOB_EXPIRY_MS = 24 * 3600 * 1000;
/** How long a pre-signed upload URL is valid (S3's X-Amz-Expires in Cognito's URLs). */
export const UPLOAD_EXPIRY_S = 900;

export async function putJob(store: Store, pool: UserPool, job: UserImportJob): Promise<void> {
  await store.putPool({ ...pool, UserImportJobs: withRecord(pool.UserImportJobs, job.JobId, job) });
}

/** The pool and the job as stored now, or undefined once either is gone. */
export function storedJob(store: Store, poolId: string, jobId: string): { pool: UserPool; job: UserImportJob } | undefined {
  const pool = store.getPool(poolId);
  const job = recordIn(pool?.UserImportJobs, jobId);
  return pool && job ? { pool, job } : undefined;
}

export function jobOrThrow(pool: UserPool, jobId: string): UserImportJob {
  const job = recordIn(pool.UserImportJobs, jobId);
  // Wording unconfirmed.
  if (!job) throw new CognitoError('ResourceNotFoundException', `Import job ${jobId} does not exist.`);
  return job;
}

/** A created job nobody started within a day reads as Expired. */
export function statusOf(job: UserImportJob, now: number): UserImportJob['Status'] {
  return job.Status === 'Created' && now - job.CreationDate > JOB_EXPIRY_MS ? 'Expired' : job.Status;
}
