// User import jobs (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool.html):
// GetCSVHeader gives the columns; CreateUserImportJob returns a pre-signed URL that the emulator
// itself serves (upload-route.ts: PUT the CSV there); StartUserImportJob queues the import, which
// runs right after the answer (import-rows.ts: Pending → InProgress → Succeeded/Failed/Stopped);
// DescribeUserImportJob / ListUserImportJobs report progress; StopUserImportJob stops a running job.
import type {
  CreateUserImportJobResponse,
  DescribeUserImportJobResponse,
  GetCSVHeaderResponse,
  ListUserImportJobsResponse,
  StartUserImportJobResponse,
  StopUserImportJobResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../../deps.js';
import type { UserImportJob, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalString, requiredInteger, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { checkPattern, paginate } from '../management/common.js';
import { CSV_HEADER } from './csv.js';
import { runImport } from './import-rows.js';
import { UPLOAD_EXPIRY_S, jobOrThrow, putJob, statusOf, storedJob } from './jobs-store.js';
import { userImportJobType } from './user-import-job-type.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newJobId = () => `import-${[...randomBytes(10)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('')}`;

/** Where the CSV is PUT: the emulator's own stand-in for Cognito's pre-signed S3 URL. */
export const uploadUrl = (deps: Pick<Deps, 'urls'>, pool: UserPool, job: UserImportJob): string =>
  `${deps.urls.publicUrl}/_emulator/user-import/${pool.Id}/${job.JobId}?X-Amz-Expires=${UPLOAD_EXPIRY_S}&X-Amz-Signature\
=${job.UploadToken}`;

const jobOf = (deps: Pick<Deps, 'store'>, input: Input) => {
  const jobId = checkPattern('JobId', requiredString(input, 'JobId', 55), /^import-[0-9a-zA-Z-]+$/, 'import-[0-9a-zA-Z-]+');
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  return { pool, job: jobOrThrow(pool, jobId) };
};

const answer = (deps: Pick<Deps, 'clock' | 'urls'>, pool: UserPool, job: UserImportJob) => ({
  UserImportJob: userImportJobType(pool, job, uploadUrl(deps, pool, job), deps.clock.now()),
});

export const getCSVHeader: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return { UserPoolId: pool.Id, CSVHeader: [...CSV_HEADER] } satisfies Wire<GetCSVHeaderResponse>;
  };

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
  return answer(deps, pool, job) satisfies Wire<CreateUserImportJobResponse>;
};

export const describeUserImportJob: Operation<'clock' | 'store' | 'urls'> = (deps) => async (input) => {
  const { pool, job } = jobOf(deps, input);
  return answer(deps, pool, job) satisfies Wire<DescribeUserImportJobResponse>;
};

export const listUserImportJobs: Operation<'clock' | 'store' | 'urls'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const limit = requiredInteger(input, 'MaxResults', 1, 60);
  const key = (j: UserImportJob) => `${String(j.CreationDate).padStart(16, '0')}/${j.JobId}`;
  const page = paginate(Object.values(pool.UserImportJobs ?? {}), key, limit, optionalString(input, 'PaginationToken', 131072));
  return {
    UserImportJobs: page.items.map((j) => answer(deps, pool, j).UserImportJob),
    PaginationToken: page.nextToken,
  } satisfies Wire<ListUserImportJobsResponse>;
};

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
  return answer(deps, pool, started) satisfies Wire<StartUserImportJobResponse>;
};

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
  return answer(deps, pool, stopping) satisfies Wire<StopUserImportJobResponse>;
};
