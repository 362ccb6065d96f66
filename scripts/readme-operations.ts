// The README's JSON API operations table and its "not implemented yet" paragraph, checked against
// the emulator's operation list (src/cognito-api/operations/index.ts) and the operations of the
// installed AWS SDK (@aws-sdk/client-cognito-identity-provider's commands). The table names every
// implemented operation once (full names, in the "operations" column; anything in backticks there
// is a detail, not an operation); the paragraph lists exactly the SDK's other operations.
//
//   npx tsx scripts/readme-operations.ts          prints what is wrong (exit 1), or nothing
//   npx tsx scripts/readme-operations.ts --write  rewrites the paragraph from the lists
//
// test/docs/readme-operations.test.ts runs the check with the test suite.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { OPERATIONS } from '../src/cognito-api/operations/index.js';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const TABLE_HEADER = '| area | operations | notes |';
const PARAGRAPH_START = 'Operations of the current AWS SDK (';

/** Every operation of the installed AWS SDK, by its X-Amz-Target name. */
export function sdkOperations(): string[] {
  return Object.keys(sdk)
    .filter((k) => /^[A-Z]\w*Command$/.test(k) && k !== 'Command')
    .map((k) => k.slice(0, -'Command'.length))
    .sort();
}

export function implementedOperations(): string[] {
  return Object.keys(OPERATIONS).sort();
}

/** The operation names in the table's second column, in order (a name twice is listed twice). */
export function tableOperations(readme: string): string[] {
  const start = readme.indexOf(`\n${TABLE_HEADER}\n`);
  if (start < 0) throw new Error(`README: the operations table (${TABLE_HEADER}) is missing`);
  const rows = readme
    .slice(start + 1)
    .split('\n')
    .slice(2);
  const names: string[] = [];
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    const column = row.split('|')[2] ?? '';
    names.push(
      ...column
        .replace(/`[^`]*`/g, ' ')
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => /^[A-Z]/.test(w)),
    );
  }
  return names;
}

/** The paragraph as it should read for these lists, wrapped like the rest of the README. */
export function notImplementedParagraph(all: readonly string[], implemented: readonly string[]): string {
  const missing = all.filter((op) => !implemented.includes(op));
  const inSdk = implemented.filter((op) => all.includes(op)).length;
  if (missing.length === 0) return `${PARAGRAPH_START}${all.length}) are all implemented.`;
  const text =
    `${PARAGRAPH_START}${all.length}, of which ${inSdk} are implemented) **not implemented yet** — each answers ` +
    `\`UnknownOperationException\`: ${missing.join(', ')}.`;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

function paragraphRange(readme: string): [number, number] {
  const start = readme.indexOf(`\n${PARAGRAPH_START}`);
  if (start < 0) throw new Error(`README: the paragraph starting "${PARAGRAPH_START}" is missing`);
  const end = readme.indexOf('\n\n', start + 1);
  return [start + 1, end < 0 ? readme.length : end];
}

/** What is wrong with the README's table and paragraph (empty when nothing is). */
export function readmeProblems(readme: string, all = sdkOperations(), implemented = implementedOperations()): string[] {
  const problems: string[] = [];
  const listed = tableOperations(readme);
  const unknown = listed.filter((op) => !all.includes(op));
  if (unknown.length > 0) problems.push(`the table names what is not an operation of the AWS SDK: ${unknown.join(', ')}`);
  const twice = listed.filter((op, i) => listed.indexOf(op) !== i);
  if (twice.length > 0) problems.push(`the table names these more than once: ${twice.join(', ')}`);
  const absent = implemented.filter((op) => !listed.includes(op));
  if (absent.length > 0) problems.push(`implemented but not in the table: ${absent.join(', ')}`);
  const notImplemented = listed.filter((op) => all.includes(op) && !implemented.includes(op));
  if (notImplemented.length > 0) problems.push(`in the table but not implemented: ${notImplemented.join(', ')}`);
  const outsideSdk = implemented.filter((op) => !all.includes(op));
  if (outsideSdk.length > 0) problems.push(`implemented but not an operation of the installed AWS SDK: ${outsideSdk.join(', ')}`);
  const [from, to] = paragraphRange(readme);
  const expected = notImplementedParagraph(all, implemented);
  if (readme.slice(from, to).replace(/\s+/g, ' ') !== expected.replace(/\s+/g, ' ')) {
    problems.push(`the "not implemented yet" paragraph should read (npx tsx scripts/readme-operations.ts --write):\n${expected}`);
  }
  return problems;
}

export function rewriteParagraph(readme: string, all = sdkOperations(), implemented = implementedOperations()): string {
  const [from, to] = paragraphRange(readme);
  return readme.slice(0, from) + notImplementedParagraph(all, implemented) + readme.slice(to);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = readFileSync(README, 'utf8');
  if (process.argv.includes('--write')) writeFileSync(README, rewriteParagraph(readme));
  const problems = readmeProblems(readFileSync(README, 'utf8'));
  for (const p of problems) console.error(`README: ${p}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
