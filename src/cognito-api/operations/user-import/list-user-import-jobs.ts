// ListUserImportJobs: a pool's jobs, oldest first, MaxResults 1-60 per page.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserImportJobs.html
import type { ListUserImportJobsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { UserImportJob } from '../../../domain/model.js';
import { optionalString, requiredInteger, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { paginate } from '../../pagination.js';
import { userImportJobOutput } from './user-import-job-type.js';

export const listUserImportJobs: Operation<'clock' | 'store' | 'urls'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const limit = requiredInteger(input, 'MaxResults', 1, 60);
  const key = (j: UserImportJob) => `${String(j.CreationDate).padStart(16, '0')}/${j.JobId}`;
  const page = paginate(Object.values(pool.UserImportJobs ?? {}), key, limit, optionalString(input, 'PaginationToken', 131072));
  return {
    UserImportJobs: page.items.map((j) => userImportJobOutput(deps, pool, j).UserImportJob),
    PaginationToken: page.nextToken,
  } satisfies Wire<ListUserImportJobsResponse>;
};
