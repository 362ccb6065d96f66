// StartUserImportJob: queues a Created job's import, which runs right after the answer
// (import-rows.ts: Pending → InProgress → Succeeded/Failed/Stopped).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartUserImportJob.html
import type { StartUserImportJobResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { UserImportJob } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Operation, Wire } from '../../operation.js';
import { runImport } from './import-rows.js';
import { putJob, statusOf, storedJob } from './jobs-store.js';
import { jobOf } from './user-import-job-input.js';
import { userImportJobOutput } from './user-import-job-type.js';

export const startUserImportJob: Operation<'clock' | 'store' | 'urls'> = (deps) => async (input) => {
  const { pool, job } = jobOf(deps, input);
  if (statusOf(job, deps.clock.now()) !== 'Created') {
    // Wording unconfirmed.
    throw new CognitoError(
      'PreconditionNotMetException',
      `Import job ${job.JobId} cannot be started: its status is ${statusOf(job, deps.clock.now())}.`,
    );
  }
  const started: UserImportJob = { ...job, Status: 'Pending', StartDate: deps.clock.now() };
  await putJob(deps.store, pool, started);
  // The import runs after this answer, as Cognito's does; its errors end the job, never the process.
  setImmediate(() => {
    runImport(deps, pool.Id, job.JobId).catch(async () => {
      const current = storedJob(deps.store, pool.Id, job.JobId);
      if (current) {
        await putJob(deps.store, current.pool, {
          ...current.job,
          Status: 'Failed',
          Csv: undefined,
          CompletionDate: deps.clock.now(),
          CompletionMessage: 'InternalError',
          Log: ['[FAILED] The import failed with an internal error.'],
        }).catch(() => {});
      }
    });
  });
  return userImportJobOutput(deps, pool, started) satisfies Wire<StartUserImportJobResponse>;
};
