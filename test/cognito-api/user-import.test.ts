// User import jobs through the real AWS SDK: the CSV header, a job whose pre-signed URL the emulator
// serves, the import itself (RESET_REQUIRED users, skipped and failed lines with Cognito's
// per-line results), listing, stopping, and Cognito's failures.
import {
  AdminGetUserCommand,
  CreateUserImportJobCommand,
  DescribeUserImportJobCommand,
  GetCSVHeaderCommand,
  ListUserImportJobsCommand,
  StartUserImportJobCommand,
  StopUserImportJobCommand,
  type UserImportJobType,
} from '@aws-sdk/client-cognito-identity-provider';
import { request } from 'node:http';
import t from 'tap';
import { MAX_CSV_BYTES } from '../../src/cognito-api/operations/user-import/upload-route.js';
import { POOL_ID, usersFixture } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { STANDARD_ATTRIBUTES } from '../helpers/standard-attributes.js';

const { url, clock } = await testEmulator(t, { listen: true, fixture: usersFixture() });
const sdk = sdkClient(url);
t.teardown(() => sdk.destroy());
const ROLE = 'arn:aws:iam::000000000000:role/CognitoImport';
// GetCSVHeader: the standard attributes without sub, then Cognito's two columns of its own.
const HEADER = [...STANDARD_ATTRIBUTES.slice(1), 'cognito:mfa_enabled', 'cognito:username'];

/** A CSV line for the header above from the values given. */
const line = (values: Record<string, string>) => HEADER.map((c) => (values[c] ?? '').replaceAll(',', '\\,')).join(',');
const csv = (rows: Array<Record<string, string>>, header = HEADER) => [header.join(','), ...rows.map(line)].join('\n');

const upload = (target: string, body: string) =>
  fetch(target, { method: 'PUT', body, headers: { 'x-amz-server-side-encryption': 'aws:kms' } });
/** A PUT announcing `length` bytes and sending none: the answer to its headers alone. */
function announcedUpload(target: string, length: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const put = request(target, { method: 'PUT', headers: { 'content-length': String(length) } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
        put.destroy();
      });
    });
    put.on('error', reject);
    put.flushHeaders();
  });
}
const createJob = async (name = 'import') =>
  (await sdk.send(new CreateUserImportJobCommand({ UserPoolId: POOL_ID, JobName: name, CloudWatchLogsRoleArn: ROLE }))).UserImportJob!;
async function finished(jobId: string): Promise<UserImportJobType> {
  for (let i = 0; i < 500; i++) {
    const job = (await sdk.send(new DescribeUserImportJobCommand({ UserPoolId: POOL_ID, JobId: jobId }))).UserImportJob!;
    if (!['Pending', 'InProgress', 'Stopping'].includes(job.Status!)) return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`job ${jobId} did not finish`);
}

t.test("GetCSVHeader: Cognito's columns, in its order", async (t) => {
  t.same(
    await sdk.send(new GetCSVHeaderCommand({ UserPoolId: POOL_ID })).then(({ UserPoolId, CSVHeader }) => ({ UserPoolId, CSVHeader })),
    { UserPoolId: POOL_ID, CSVHeader: HEADER },
  );
  await rejectsWith(
    t,
    sdk.send(new GetCSVHeaderCommand({ UserPoolId: 'us-east-1_Nope' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
});

t.test('an import: upload to the pre-signed URL, start, users in RESET_REQUIRED, skipped and failed lines logged', async (t) => {
  const job = await createJob('first import');
  t.match(job, {
    JobName: 'first import',
    JobId: /^import-[0-9a-zA-Z]{10}$/,
    UserPoolId: POOL_ID,
    Status: 'Created',
    CloudWatchLogsRoleArn: ROLE,
    ImportedUsers: 0,
    SkippedUsers: 0,
    FailedUsers: 0,
    CreationDate: Date,
  });
  t.ok(job.PreSignedUrl?.startsWith(`${url}/_emulator/user-import/${POOL_ID}/${job.JobId}?`), 'served by the emulator');
  const rows: Array<Record<string, string>> = [
    {
      'cognito:username': 'imported1',
      'cognito:mfa_enabled': 'false',
      email: 'imported1@example.com',
      email_verified: 'true',
      given_name: 'Ima',
      address: '1 Main St, Springfield',
    },
    { 'cognito:username': 'alice', 'cognito:mfa_enabled': 'false', email: 'alice2@example.com', email_verified: 'true' },
    { 'cognito:username': 'unverified', 'cognito:mfa_enabled': 'false', email: 'u@example.com', email_verified: 'false' },
    { 'cognito:username': 'badmfa', 'cognito:mfa_enabled': 'maybe', email: 'b@example.com', email_verified: 'true' },
    { 'cognito:username': '', 'cognito:mfa_enabled': 'false', email: 'n@example.com', email_verified: 'true' },
    { 'cognito:username': 'bademail', 'cognito:mfa_enabled': 'false', email: 'not-an-email', email_verified: 'true' },
    {
      'cognito:username': 'imported2',
      'cognito:mfa_enabled': 'FALSE',
      email: 'imported2@example.com',
      email_verified: 'true',
      phone_number: '+15555550123',
    },
  ];
  const put = await upload(job.PreSignedUrl!, `${csv(rows)}\r\n`);
  t.equal(put.status, 200);
  const started = (await sdk.send(new StartUserImportJobCommand({ UserPoolId: POOL_ID, JobId: job.JobId }))).UserImportJob!;
  t.equal(started.Status, 'Pending');
  t.ok(started.StartDate);
  const done = await finished(job.JobId!);
  t.match(done, {
    Status: 'Succeeded',
    ImportedUsers: 2,
    SkippedUsers: 1,
    FailedUsers: 4,
    CompletionDate: Date,
    CompletionMessage: 'ImportJobCompletedSuccessfully',
  });

  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'imported1' }));
  t.equal(user.UserStatus, 'RESET_REQUIRED');
  t.equal(user.Enabled, true);
  const attrs = Object.fromEntries(user.UserAttributes!.map((a) => [a.Name, a.Value]));
  t.match(attrs, {
    email: 'imported1@example.com',
    email_verified: 'true',
    given_name: 'Ima',
    address: '1 Main St, Springfield',
    sub: /^[0-9a-f-]{36}$/,
  });
  t.equal(
    (await sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'alice' }))).UserAttributes?.find((a) => a.Name === 'email')
      ?.Value,
    'alice@example.com',
    'an existing user is skipped, not changed',
  );

  const log = await (await fetch(`${url}/_emulator/user-import/${POOL_ID}/${job.JobId}/log`)).text();
  t.same(log.trim().split('\n'), [
    '[SUCCEEDED] Line Number 2 - The import succeeded.',
    '[SKIPPED] Line Number 3 - The user already exists.',
    '[FAILED] Line Number 4 - The User Record does not set any of the auto verified attributes to true. (Example: email_verified to true).',
    '[FAILED] Line Number 5 - The cognito:mfa_enabled attribute must be true or false.',
    '[FAILED] Line Number 6 - The cognito:username attribute is required.',
    '[FAILED] Line Number 7 - Invalid email address format.',
    '[SUCCEEDED] Line Number 8 - The import succeeded.',
  ]);

  await rejectsWith(
    t,
    sdk.send(new StartUserImportJobCommand({ UserPoolId: POOL_ID, JobId: job.JobId })),
    'PreconditionNotMetException',
    `Import job ${job.JobId} cannot be started: its status is Succeeded.`,
  );
  await rejectsWith(
    t,
    sdk.send(new StopUserImportJobCommand({ UserPoolId: POOL_ID, JobId: job.JobId })),
    'PreconditionNotMetException',
    `Import job ${job.JobId} cannot be stopped: its status is Succeeded.`,
  );
  t.equal((await upload(job.PreSignedUrl!, csv([]))).status, 403, 'no upload once the job has run');
});

t.test('the upload URL refuses a wrong signature and expires', async (t) => {
  const job = await createJob();
  const forged = job.PreSignedUrl!.replace(/X-Amz-Signature=[0-9a-f]+/, 'X-Amz-Signature=00');
  const refused = await upload(forged, csv([]));
  t.equal(refused.status, 403);
  t.equal(refused.headers.get('content-type'), 'application/xml');
  t.equal(
    await refused.text(),
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code>' +
      '<Message>The request signature we calculated does not match the signature you provided.</Message></Error>',
  );
  // A file over Cognito's 100 MB is refused as S3 refuses it, from its announced length alone.
  const tooLarge = await announcedUpload(job.PreSignedUrl!, MAX_CSV_BYTES + 1);
  t.equal(tooLarge.status, 400);
  t.match(tooLarge.body, /<Code>EntityTooLarge<\/Code><Message>Your proposed upload exceeds the maximum allowed object size.<\/Message>/);
  clock.offsetMs += 16 * 60 * 1000;
  const late = await upload(job.PreSignedUrl!, csv([]));
  t.equal(late.status, 403);
  t.match(await late.text(), /<Message>Request has expired<\/Message>/);
  clock.offsetMs += 24 * 3600 * 1000;
  t.equal(
    (await sdk.send(new DescribeUserImportJobCommand({ UserPoolId: POOL_ID, JobId: job.JobId }))).UserImportJob?.Status,
    'Expired',
    'not started within a day',
  );
  await rejectsWith(
    t,
    sdk.send(new StartUserImportJobCommand({ UserPoolId: POOL_ID, JobId: job.JobId })),
    'PreconditionNotMetException',
    `Import job ${job.JobId} cannot be started: its status is Expired.`,
  );
  clock.offsetMs = 0;
});

t.test('a job whose file cannot be read fails as a whole', async (t) => {
  const noFile = await createJob();
  await sdk.send(new StartUserImportJobCommand({ UserPoolId: POOL_ID, JobId: noFile.JobId }));
  t.match(await finished(noFile.JobId!), { Status: 'Failed', CompletionMessage: 'CsvFileNotParsed', ImportedUsers: 0 });
  t.equal(
    await (await fetch(`${url}/_emulator/user-import/${POOL_ID}/${noFile.JobId}/log`)).text(),
    '[FAILED] Amazon Cognito is unable to parse the .csv file. The .csv file is empty.\n',
    "the reason, in the job's log",
  );

  const badHeader = await createJob();
  await upload(badHeader.PreSignedUrl!, csv([], [...HEADER.filter((c) => c !== 'locale'), 'shoe_size']));
  await sdk.send(new StartUserImportJobCommand({ UserPoolId: POOL_ID, JobId: badHeader.JobId }));
  t.match(await finished(badHeader.JobId!), { Status: 'Failed', CompletionMessage: 'CsvFileNotParsed' });
  t.equal(
    await (await fetch(`${url}/_emulator/user-import/${POOL_ID}/${badHeader.JobId}/log`)).text(),
    '[FAILED] Amazon Cognito is unable to parse the .csv file. The header contains unknown attributes: shoe_size.\n',
  );
});

t.test('StopUserImportJob stops a running import between batches', async (t) => {
  const job = await createJob('big');
  const rows = Array.from({ length: 4000 }, (_, i) => ({
    'cognito:username': `bulk${i}`,
    'cognito:mfa_enabled': 'false',
    email: `bulk${i}@example.com`,
    email_verified: 'true',
  }));
  t.equal((await upload(job.PreSignedUrl!, csv(rows))).status, 200);
  await sdk.send(new StartUserImportJobCommand({ UserPoolId: POOL_ID, JobId: job.JobId }));
  const stopping = (await sdk.send(new StopUserImportJobCommand({ UserPoolId: POOL_ID, JobId: job.JobId }))).UserImportJob!;
  t.equal(stopping.Status, 'Stopping');
  const done = await finished(job.JobId!);
  t.equal(done.Status, 'Stopped');
  t.equal(done.CompletionMessage, 'ImportJobStopped');
  t.ok(done.ImportedUsers! < 4000, `stopped part way (${done.ImportedUsers} imported)`);
});

t.test('ListUserImportJobs pages in creation order; Cognito refuses bad input', async (t) => {
  const first = await sdk.send(new ListUserImportJobsCommand({ UserPoolId: POOL_ID, MaxResults: 2 }));
  t.equal(first.UserImportJobs?.length, 2);
  t.ok(first.PaginationToken);
  const rest = await sdk.send(
    new ListUserImportJobsCommand({ UserPoolId: POOL_ID, MaxResults: 60, PaginationToken: first.PaginationToken }),
  );
  const all = [...first.UserImportJobs!, ...rest.UserImportJobs!];
  t.equal(all.length, 5);
  t.equal(all[0]?.JobName, 'first import');

  await rejectsWith(
    t,
    sdk.send(new CreateUserImportJobCommand({ UserPoolId: POOL_ID, JobName: 'bad/name', CloudWatchLogsRoleArn: ROLE })),
    'InvalidParameterException',
    "1 validation error detected: Value 'bad/name' at 'jobName' failed to satisfy constraint: Member must satisfy regular expression " +
      'pattern: [\\w\\s+=,.@-]+',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateUserImportJobCommand({
        UserPoolId: POOL_ID,
        JobName: 'hashes',
        CloudWatchLogsRoleArn: ROLE,
        PasswordHashingAlgorithm: 'BCRYPT',
      }),
    ),
    'InvalidParameterException',
    'PasswordHashingAlgorithm (importing password hashes) is not supported by cognito-emulator.',
  );
  await rejectsWith(
    t,
    sdk.send(new DescribeUserImportJobCommand({ UserPoolId: POOL_ID, JobId: 'import-missing' })),
    'ResourceNotFoundException',
    'Import job import-missing does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new DescribeUserImportJobCommand({ UserPoolId: POOL_ID, JobId: 'export-1' })),
    'InvalidParameterException',
    "1 validation error detected: Value 'export-1' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression " +
      'pattern: import-[0-9a-zA-Z-]+',
  );
  await rejectsWith(
    t,
    sdk.send(new ListUserImportJobsCommand({ UserPoolId: POOL_ID, MaxResults: 61 })),
    'InvalidParameterException',
    "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
  );
});
