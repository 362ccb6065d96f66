// Runs an import job: each line of the uploaded CSV becomes a user in RESET_REQUIRED (no
// password), or is skipped (the username exists) or failed, with Cognito's per-line results
// ("[SUCCEEDED] Line Number 2 - The import succeeded."), which Cognito writes to CloudWatch and
// the emulator keeps with the job (GET /_emulator/user-import/<pool>/<job>/log)
// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool-cloudwatch.html).
// Lines are imported in batches with a yield between them, so a StopUserImportJob can land.
// The model allows CompletionMessage only word characters ([\w]+), so it carries a short code and
// the reason in words goes to the job's log.
import type { Deps } from '../../../deps.js';
import type { UserImportJob, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { checkAttributeNames, checkAttributeValues } from '../../../users/attribute-rules.js';
import { newUserRecord } from '../../../users/user-records.js';
import { csvFields, csvLines, headerProblem } from './csv.js';
import { putJob, storedJob } from './jobs-store.js';

const BATCH = 500;

type LineResult = { kind: 'SUCCEEDED' | 'SKIPPED' | 'FAILED'; message: string };

/** One line's user, or why it is not imported. Throws nothing. */
function importLine(
  deps: Pick<Deps, 'clock' | 'store'>,
  pool: UserPool,
  columns: readonly string[],
  line: string,
): LineResult | { user: ReturnType<typeof newUserRecord> } {
  const fields = csvFields(line);
  if (fields.length !== columns.length) {
    return { kind: 'FAILED', message: `The line has ${fields.length} fields but the header has ${columns.length}.` };
  }
  const row = Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? '']));
  const username = row['cognito:username'] ?? '';
  if (username === '') return { kind: 'FAILED', message: 'The cognito:username attribute is required.' };
  const mfa = (row['cognito:mfa_enabled'] ?? '').toLowerCase();
  if (mfa !== 'true' && mfa !== 'false') return { kind: 'FAILED', message: 'The cognito:mfa_enabled attribute must be true or false.' };
  // Not silently dropped: MFA is not emulated for imported users.
  if (mfa === 'true') return { kind: 'FAILED', message: 'cognito:mfa_enabled true is not supported by cognito-emulator.' };
  const attributes = Object.fromEntries(Object.entries(row).filter(([k, v]) => !k.startsWith('cognito:') && v !== ''));
  for (const flag of ['email', 'phone_number']) {
    if (attributes[`${flag}_verified`] === 'true' && attributes[flag] === undefined) {
      return { kind: 'FAILED', message: `The User Record sets ${flag}_verified to true but has no ${flag}.` };
    }
  }
  if (!pool.AutoVerifiedAttributes.some((a) => attributes[`${a}_verified`] === 'true')) {
    // Cognito's own wording (the page above).
    return {
      kind: 'FAILED',
      message: 'The User Record does not set any of the auto verified attributes to true. (Example: email_verified to true).',
    };
  }
  try {
    checkAttributeNames(pool, Object.keys(attributes));
    checkAttributeValues(attributes);
    const user = newUserRecord(deps, pool, username, attributes, 'User already exists');
    return { user: { ...user, UserStatus: 'RESET_REQUIRED' } };
  } catch (err) {
    if (!(err instanceof CognitoError)) throw err;
    if (err.code === 'UsernameExistsException' && err.message === 'User already exists')
      return { kind: 'SKIPPED', message: 'The user already exists.' };
    return { kind: 'FAILED', message: err.message };
  }
}

/** Imports a started job's CSV into its pool; ends Succeeded, Failed or (when stopped) Stopped. */
export async function runImport(deps: Pick<Deps, 'clock' | 'store'>, poolId: string, jobId: string): Promise<void> {
  const current = () => storedJob(deps.store, poolId, jobId);
  const finish = async (changes: Partial<UserImportJob>) => {
    const now = current();
    if (now) await putJob(deps.store, now.pool, { ...now.job, ...changes, Csv: undefined, CompletionDate: deps.clock.now() });
  };
  const start = current();
  if (!start) return;
  if (start.job.Status === 'Stopping') {
    await finish({ Status: 'Stopped', CompletionMessage: 'ImportJobStopped' });
    return;
  }
  if (start.pool.AutoVerifiedAttributes.length === 0) {
    // Imported users reset their passwords through a verified email or phone number.
    await finish({
      Status: 'Failed',
      CompletionMessage: 'NoAutoVerifiedAttributes',
      Log: ['[FAILED] The user pool has no auto-verified attributes (email or phone_number).'],
    });
    return;
  }
  await putJob(deps.store, start.pool, { ...start.job, Status: 'InProgress' });
  const lines = csvLines(start.job.Csv ?? '');
  const columns = csvFields(lines[0] ?? '');
  const problem = lines.length === 0 ? 'The .csv file is empty.' : headerProblem(columns);
  if (problem !== undefined) {
    await finish({
      Status: 'Failed',
      CompletionMessage: 'CsvFileNotParsed',
      Log: [`[FAILED] Amazon Cognito is unable to parse the .csv file. ${problem}`],
    });
    return;
  }
  const counts = { ImportedUsers: 0, SkippedUsers: 0, FailedUsers: 0 };
  const log: string[] = [];
  for (let from = 1; from < lines.length; from += BATCH) {
    const now = current();
    if (!now) return; // pool deleted or state reset: nothing left to report to
    if (now.job.Status === 'Stopping') {
      await finish({ Status: 'Stopped', ...counts, Log: log, CompletionMessage: 'ImportJobStopped' });
      return;
    }
    await deps.store.batch(async () => {
      for (let i = from; i < Math.min(from + BATCH, lines.length); i++) {
        const result = importLine(deps, now.pool, columns, lines[i] ?? '');
        if ('user' in result) {
          await deps.store.putUser(result.user);
          counts.ImportedUsers++;
          log.push(`[SUCCEEDED] Line Number ${i + 1} - The import succeeded.`);
        } else {
          counts[result.kind === 'SKIPPED' ? 'SkippedUsers' : 'FailedUsers']++;
          log.push(`[${result.kind}] Line Number ${i + 1} - ${result.message}`);
        }
      }
      const latest = current();
      if (latest) await putJob(deps.store, latest.pool, { ...latest.job, ...counts });
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  await finish({ Status: 'Succeeded', ...counts, Log: log, CompletionMessage: 'ImportJobCompletedSuccessfully' });
}
