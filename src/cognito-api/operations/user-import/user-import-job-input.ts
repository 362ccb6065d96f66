// The job a request names (UserPoolId and JobId), for DescribeUserImportJob, StartUserImportJob
// and StopUserImportJob.
import type { Deps } from '../../../deps.js';
import { checkPattern, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Input } from '../../operation.js';
import { jobOrThrow } from './jobs-store.js';

export const jobOf = (deps: Pick<Deps, 'store'>, input: Input) => {
  const jobId = checkPattern('JobId', requiredString(input, 'JobId', 55), /^import-[0-9a-zA-Z-]+$/, 'import-[0-9a-zA-Z-]+');
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  return { pool, job: jobOrThrow(pool, jobId) };
};
