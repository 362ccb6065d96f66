// User import jobs: CSV header, jobs, and the import itself.
import type { Operation } from '../../operation.js';
import {
  createUserImportJob,
  describeUserImportJob,
  getCSVHeader,
  listUserImportJobs,
  startUserImportJob,
  stopUserImportJob,
} from './create-user-import-job.js';

export const USER_IMPORT_OPERATIONS: Record<string, Operation> = {
  GetCSVHeader: getCSVHeader,
  CreateUserImportJob: createUserImportJob,
  DescribeUserImportJob: describeUserImportJob,
  ListUserImportJobs: listUserImportJobs,
  StartUserImportJob: startUserImportJob,
  StopUserImportJob: stopUserImportJob,
};
