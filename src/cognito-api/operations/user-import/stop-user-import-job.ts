// StopUserImportJob: stops a Pending or InProgress job; the import ends as Stopped.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StopUserImportJob.html
import type { StopUserImportJobResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { UserImportJob } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Operation, Wire } from '../../operation.js';
import { putJob, statusOf } from './jobs-store.js';
import { jobOf } from './user-import-job-input.js';
import { userImportJobOutput } from './user-import-job-type.js';

export const stopUserImportJob: Operation<'clock' | 'store' | 'urls'> = (deps) => async (input) => {
  const { pool, job } = jobOf(deps, input);
  if (job.Status !== 'Pending' && job.Status !== 'InProgress') {
    // Wording unconfirmed.
    throw new CognitoError(
      'PreconditionNotMetException',
      `Import job ${job.JobId} cannot be stopped: its status is ${statusOf(job, deps.clock.now())}.`,
    );
  }
  const stopping: UserImportJob = { ...job, Status: 'Stopping' };
  await putJob(deps.store, pool, stopping);
  return userImportJobOutput(deps, pool, stopping) satisfies Wire<StopUserImportJobResponse>;
};
