// CreateUserImportJob: a job in status Created and a pre-signed URL that the emulator itself serves
// (upload-route.ts: PUT the CSV there). Importing password hashes is not supported.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserImportJob.html
import type { CreateUserImportJobResponse } from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import type { UserImportJob } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { checkPattern, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { putJob, UPLOAD_EXPIRY_S } from './jobs-store.js';
import { userImportJobOutput } from './user-import-job-type.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newJobId = () => `import-${[...randomBytes(10)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('')}`;

export const createUserImportJob: Operation<'clock' | 'store' | 'urls'> = (deps) => async (input) => {
  const JobName = checkPattern('JobName', requiredString(input, 'JobName', 128), /^[\w\s+=,.@-]+$/, '[\\w\\s+=,.@-]+');
  const CloudWatchLogsRoleArn = requiredString(input, 'CloudWatchLogsRoleArn', 2048);
  if (input.PasswordHashingAlgorithm !== undefined && input.PasswordHashingAlgorithm !== null) {
    throw new CognitoError(
      'InvalidParameterException',
      'PasswordHashingAlgorithm (importing password hashes) is not supported by cognito-emulator.',
    );
  }
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const now = deps.clock.now();
  let JobId = newJobId();
  while (pool.UserImportJobs !== undefined && Object.hasOwn(pool.UserImportJobs, JobId)) JobId = newJobId();
  const job: UserImportJob = {
    JobId,
    JobName,
    CloudWatchLogsRoleArn,
    Status: 'Created',
    CreationDate: now,
    ImportedUsers: 0,
    SkippedUsers: 0,
    FailedUsers: 0,
    UploadToken: randomBytes(24).toString('hex'),
    UploadExpiresAt: now + UPLOAD_EXPIRY_S * 1000,
  };
  await putJob(deps.store, pool, job);
  return userImportJobOutput(deps, pool, job) satisfies Wire<CreateUserImportJobResponse>;
};
