// The shapes the installed AWS SDK v3 ships (its schemas module): member names, required members
// and coarse types of every structure in the current model. Debian's botocore model dates from
// late 2022; this lets the conformance test accept members newer than it (e.g. UserPoolTier) only
// when the current SDK knows them, and check the answers of operations newer than it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Sdk from '@aws-sdk/client-cognito-identity-provider';

type Schema = unknown;
const require = createRequire(import.meta.url);
const root = dirname(dirname(require.resolve('@aws-sdk/client-cognito-identity-provider')));
const schemas = (await import(pathToFileURL(join(root, 'dist-es/schemas/schemas_0.js')).href)) as Record<string, Schema>;

const resolve = (s: Schema): Schema =>
  typeof s === 'function' ? resolve((s as () => Schema)()) : Array.isArray(s) && typeof s[0] === 'function' ? resolve(s[0]) : s;

/** Member names of a structure in the current SDK, or undefined when it has none of that name. */
export function sdkMembers(structure: string): string[] | undefined {
  const s = schemas[`${structure}$`];
  return Array.isArray(s) && s[0] === 3 ? (s[4] as string[]) : undefined;
}

/** The values of an enum in the current SDK (exported by its shape name). */
export function sdkEnum(shape: string): string[] {
  const value = (Sdk as unknown as Record<string, unknown>)[shape];
  return value && typeof value === 'object' ? Object.values(value as Record<string, string>) : [];
}

/** Checks an operation's request (`input`) or answer (`output`) against the SDK's schema of it. */
export function checkSdkOperation(operation: string, part: 'input' | 'output', value: unknown, path = '$'): string[] {
  const op = schemas[`${operation}$`];
  if (!Array.isArray(op) || op[0] !== 9) return [`${path}: the SDK has no operation ${operation}`];
  const shape = resolve(op[part === 'input' ? 4 : 5]);
  // An operation without output (smithy's Unit) answers an empty object.
  if (shape === 'unit')
    return typeof value === 'object' && value !== null && Object.keys(value).length === 0 ? [] : [`${path}: expected {} (no output)`];
  return check(shape, value, path);
}

function check(schema: Schema, value: unknown, path: string): string[] {
  const s = resolve(schema);
  if (typeof s === 'number') return checkCode(s, value, path);
  if (!Array.isArray(s)) return [];
  const [kind] = s as [number];
  if (kind === 3) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
    const names = s[4] as string[];
    const members = s[5] as Schema[];
    const required = names.slice(0, (s[6] as number | undefined) ?? 0);
    const problems = required
      .filter((n) => (value as Record<string, unknown>)[n] === undefined)
      .map((n) => `${path}.${n}: required member missing`);
    for (const [name, v] of Object.entries(value)) {
      const i = names.indexOf(name);
      if (i < 0) problems.push(`${path}.${name}: not a member of the shape`);
      else problems.push(...check(members[i], v, `${path}.${name}`));
    }
    return problems;
  }
  if (kind === 1) return Array.isArray(value) ? value.flatMap((v, i) => check(s[4], v, `${path}[${i}]`)) : [`${path}: not a list`];
  if (kind === 2) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.entries(value).flatMap(([k, v]) => check(s[5], v, `${path}[${JSON.stringify(k)}]`))
      : [`${path}: not a map`];
  }
  if (kind === 0) return checkCode(s[4] as number, value, path);
  return [];
}

function checkCode(code: number, value: unknown, path: string): string[] {
  if (code === 15) return []; // a JSON document: any value
  if (code & 64) return Array.isArray(value) ? [] : [`${path}: not a list`];
  if (code & 128) return typeof value === 'object' && value !== null && !Array.isArray(value) ? [] : [`${path}: not a map`];
  if (code === 1) return typeof value === 'number' ? [] : [`${path}: not a number`];
  if (code === 2) return typeof value === 'boolean' ? [] : [`${path}: not a boolean`];
  if (code >= 4 && code <= 7) return typeof value === 'number' ? [] : [`${path}: not epoch seconds`];
  return typeof value === 'string' ? [] : [`${path}: not a string`];
}
