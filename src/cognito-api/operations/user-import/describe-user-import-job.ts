// DescribeUserImportJob: a job's status and progress.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserImportJob.html
import type { DescribeUserImportJobResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, Wire } from '../../operation.js';
import { jobOf } from './user-import-job-input.js';
import { userImportJobOutput } from './user-import-job-type.js';

export const describeUserImportJob: Operation<'clock' | 'store' | 'urls'> = (deps) => async (input) => {
  const { pool, job } = jobOf(deps, input);
  return userImportJobOutput(deps, pool, job) satisfies Wire<DescribeUserImportJobResponse>;
};
