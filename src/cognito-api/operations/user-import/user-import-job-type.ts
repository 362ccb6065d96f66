// UserImportJobType, as CreateUserImportJob, DescribeUserImportJob, ListUserImportJobs,
// StartUserImportJob and StopUserImportJob return a job: dates in epoch seconds, a created job
// nobody started within a day as Expired.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserImportJobType.html
import type { UserImportJobType } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { UserImportJob, UserPool } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { statusOf, UPLOAD_EXPIRY_S } from './jobs-store.js';

export function userImportJobType(pool: UserPool, job: UserImportJob, uploadUrl: string, now: number): Wire<UserImportJobType> {
  const status = statusOf(job, now);
  return {
    JobName: job.JobName,
    JobId: job.JobId,
    UserPoolId: pool.Id,
    PreSignedUrl: uploadUrl,
    CreationDate: seconds(job.CreationDate),
    StartDate: job.StartDate !== undefined ? seconds(job.StartDate) : undefined,
    CompletionDate: job.CompletionDate !== undefined ? seconds(job.CompletionDate) : undefined,
    Status: status,
    CloudWatchLogsRoleArn: job.CloudWatchLogsRoleArn,
    ImportedUsers: job.ImportedUsers,
    SkippedUsers: job.SkippedUsers,
    FailedUsers: job.FailedUsers,
    CompletionMessage: job.CompletionMessage,
  };
}

/** Where the CSV is PUT: the emulator's own stand-in for Cognito's pre-signed S3 URL. */
export const uploadUrl = (deps: Pick<Deps, 'urls'>, pool: UserPool, job: UserImportJob): string =>
  `${deps.urls.publicUrl}/_emulator/user-import/${pool.Id}/${job.JobId}?X-Amz-Expires=${UPLOAD_EXPIRY_S}&X-Amz-Signature\
=${job.UploadToken}`;

/** The answer of the operations that return one job: { UserImportJob }. */
export const userImportJobOutput = (deps: Pick<Deps, 'clock' | 'urls'>, pool: UserPool, job: UserImportJob) => ({
  UserImportJob: userImportJobType(pool, job, uploadUrl(deps, pool, job), deps.clock.now()),
});
