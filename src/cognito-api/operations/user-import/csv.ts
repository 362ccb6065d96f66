// The CSV dialect of Cognito's user import: the header GetCSVHeader returns, one user per line,
// fields separated by commas, a comma inside a value written as `\,`, no quoting
// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool-csv-header.html).
import { STANDARD_SCHEMA } from '../../../domain/schema.js';

/**
 * GetCSVHeader's columns, in Cognito's order: the standard attributes in DescribeUserPool's order
 * but sub, then the two cognito: columns.
 */
export const CSV_HEADER: readonly string[] = [
  ...STANDARD_SCHEMA.map((a) => a.Name).filter((name) => name !== 'sub'),
  'cognito:mfa_enabled',
  'cognito:username',
];

/** The fields of one line: split at commas not preceded by a backslash; `\,` becomes `,`. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && line[i + 1] === ',') {
      current += ',';
      i++;
    } else if (c === ',') {
      fields.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  fields.push(current);
  return fields;
}

/** The lines of a file (LF or CRLF), without a trailing empty line and without a UTF-8 BOM. */
export function csvLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** What is wrong with a header line, or undefined: every column of CSV_HEADER, plus custom:* columns. */
export function headerProblem(columns: readonly string[]): string | undefined {
  const unknown = columns.filter((c) => !CSV_HEADER.includes(c) && !/^(dev:)?custom:[\w.-]{1,20}$/.test(c));
  if (unknown.length > 0) return `The header contains unknown attributes: ${unknown.join(', ')}.`;
  const absent = CSV_HEADER.filter((c) => !columns.includes(c));
  if (absent.length > 0) return `The header is missing the columns: ${absent.join(', ')}.`;
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length > 0) return `The header repeats the columns: ${[...new Set(repeated)].join(', ')}.`;
  return undefined;
}
