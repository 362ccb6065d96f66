// User import jobs (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool.html):
// GetCSVHeader gives the columns; CreateUserImportJob returns a pre-signed URL that the emulator
// itself serves (upload-route.ts: PUT the CSV there); StartUserImportJob queues the import, which
// runs right after the answer (import-rows.ts: Pending → InProgress → Succeeded/Failed/Stopped);
// DescribeUserImportJob / ListUserImportJobs report progress; StopUserImportJob stops a running job.
import type { Operation } from '../../operation.js';
import { createUserImportJob } from './create-user-import-job.js';
import { describeUserImportJob } from './describe-user-import-job.js';
import { getCSVHeader } from './get-csv-header.js';
import { listUserImportJobs } from './list-user-import-jobs.js';
import { startUserImportJob } from './start-user-import-job.js';
import { stopUserImportJob } from './stop-user-import-job.js';

export const USER_IMPORT_OPERATIONS: Record<string, Operation> = {
  GetCSVHeader: getCSVHeader,
  CreateUserImportJob: createUserImportJob,
  DescribeUserImportJob: describeUserImportJob,
  ListUserImportJobs: listUserImportJobs,
  StartUserImportJob: startUserImportJob,
  StopUserImportJob: stopUserImportJob,
};
