// Every request is checked against the constraints of AWS's service model before its operation
// runs, as Cognito's front end does: a value of the wrong JSON type is a SerializationException;
// missing required members, lengths, patterns, enums and ranges are collected into one
// InvalidParameterException "N validation error(s) detected: ..." naming each member
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html).
// Sensitive members (passwords, usernames, tokens) are named without their value, as Cognito does.
// Members the model does not know are ignored, as Cognito ignores them.
import { CognitoError } from '../errors/cognito-error.js';
import { INPUT_SHAPES, OPERATION_INPUTS } from './input-constraints.generated.js';

export interface ShapeSpec {
  t: 'o' | 'l' | 'm' | 's' | 'i' | 'b' | 'n';
  required?: string[];
  members?: Record<string, string>;
  member?: string;
  key?: string;
  value?: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}

/** Patterns compiled once: a per-process cache of code, never shared between replicas. */
const compiled = new Map<string, RegExp | null>();

/**
 * The model's patterns are Java regexes over the whole value. Nearly all are valid JavaScript with
 * the `u` flag (\p{L} needs it); the rest compile without it. One neither accepts is not checked
 * (null) rather than guessed at.
 */
export function modelRegex(pattern: string): RegExp | null {
  let found = compiled.get(pattern);
  if (found !== undefined) return found;
  found = null;
  for (const flags of ['u', '']) {
    try {
      found = new RegExp(`^(?:${pattern})$`, flags);
      break;
    } catch {
      // the other flavour
    }
  }
  compiled.set(pattern, found);
  return found;
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const JSON_TYPE = { o: 'object', m: 'object', l: 'array', s: 'string', i: 'number', n: 'number', b: 'boolean' } as const;

/**
 * A member as a list or map report shows it. JSON objects go through JSON.stringify: String() throws
 * on `{"toString":null,"valueOf":null}`, which any client may send.
 */
const display = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

function jsonType(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

class Violations {
  readonly list: string[] = [];
  add(path: string, value: unknown, spec: ShapeSpec, constraint: string) {
    const shown =
      value === undefined || value === null
        ? 'null'
        : spec.sensitive === true
          ? undefined
          : typeof value === 'object'
            ? undefined
            : `'${String(value)}'`;
    this.list.push(`Value${shown === undefined ? '' : ` ${shown}`} at '${path}' failed to satisfy constraint: ${constraint}`);
  }
}

function check(spec: ShapeSpec, value: unknown, path: string, out: Violations): void {
  const type = jsonType(value);
  if (type !== JSON_TYPE[spec.t]) {
    // Wording unconfirmed: Cognito's deserializer answers a JSON type it cannot bind.
    throw new CognitoError('SerializationException', `Unexpected JSON ${type} at '${path}': expected ${JSON_TYPE[spec.t]}`);
  }
  switch (spec.t) {
    case 'o': {
      const record = value as Record<string, unknown>;
      for (const name of spec.required ?? []) {
        if (record[name] === undefined || record[name] === null)
          out.add(join(path, name), undefined, {} as ShapeSpec, 'Member must not be null');
      }
      for (const [name, shapeName] of Object.entries(spec.members ?? {})) {
        const member = Object.hasOwn(record, name) ? record[name] : undefined;
        const memberSpec = INPUT_SHAPES[shapeName];
        if (member !== undefined && member !== null && memberSpec) check(memberSpec, member, join(path, name), out);
      }
      return;
    }
    case 'l': {
      const list = value as unknown[];
      size(spec, list.length, value, path, out, 'length');
      const item = spec.member === undefined ? undefined : INPUT_SHAPES[spec.member];
      if (!item) return;
      if (item.t === 'o' || item.t === 'l' || item.t === 'm') {
        list.forEach((v, i) => {
          if (v !== null) check(item, v, `${path}.${i + 1}.member`, out);
        });
      } else if (list.filter((v) => v !== null && broken(item, v, path)).length > 0) {
        // Every member is checked (filter, not some): a wrong JSON type anywhere is a
        // SerializationException before any constraint is reported, as binding comes first.
        // A list of simple values is reported once, at the list, with every constraint of its members.
        out.add(path, `[${list.map(display).join(', ')}]`, spec, `Member must satisfy constraint: [${constraints(item).join(', ')}]`);
      }
      return;
    }
    case 'm': {
      const entries = Object.entries(value as Record<string, unknown>);
      size(spec, entries.length, value, path, out, 'length');
      const keySpec = spec.key === undefined ? undefined : INPUT_SHAPES[spec.key];
      const valueSpec = spec.value === undefined ? undefined : INPUT_SHAPES[spec.value];
      const shown = `{${entries.map(([k, v]) => `${k}=${display(v)}`).join(', ')}}`;
      // Values first and all of them: a wrong JSON type is a SerializationException before any report.
      const simpleValues = valueSpec && valueSpec.t !== 'o' && valueSpec.t !== 'l' && valueSpec.t !== 'm';
      const badValue = simpleValues && entries.filter(([, v]) => v !== null && broken(valueSpec, v, path)).length > 0;
      if (keySpec && entries.some(([k]) => broken(keySpec, k, path))) {
        out.add(path, shown, spec, `Map keys must satisfy constraint: [${constraints(keySpec).join(', ')}]`);
      }
      if (simpleValues) {
        if (badValue) out.add(path, shown, spec, `Map value must satisfy constraint: [${constraints(valueSpec).join(', ')}]`);
      } else if (valueSpec) {
        for (const [k, v] of entries) if (v !== null) check(valueSpec, v, `${path}.${k}.value`, out);
      }
      return;
    }
    case 's': {
      const text = value as string;
      size(spec, text.length, value, path, out, 'length');
      const pattern = spec.pattern === undefined ? null : modelRegex(spec.pattern);
      if (pattern && !pattern.test(text)) out.add(path, value, spec, `Member must satisfy regular expression pattern: ${spec.pattern}`);
      if (spec.enum && !spec.enum.includes(text))
        out.add(path, value, spec, `Member must satisfy enum value set: [${spec.enum.join(', ')}]`);
      return;
    }
    case 'i':
      if (!Number.isInteger(value)) throw new CognitoError('SerializationException', `Unexpected number at '${path}': expected an integer`);
      size(spec, value as number, value, path, out, 'value');
      return;
    default:
      return;
  }
}

/** Whether a simple value breaks its shape's constraints (a wrong JSON type still throws). */
function broken(spec: ShapeSpec, value: unknown, path: string): boolean {
  const probe = new Violations();
  check(spec, value, path, probe);
  return probe.list.length > 0;
}

/** Every constraint of a simple shape, in Cognito's order, for list and map reports. */
function constraints(spec: ShapeSpec): string[] {
  const what = spec.t === 's' ? 'length' : 'value';
  return [
    ...(spec.max !== undefined ? [`Member must have ${what} less than or equal to ${spec.max}`] : []),
    ...(spec.min !== undefined ? [`Member must have ${what} greater than or equal to ${spec.min}`] : []),
    ...(spec.pattern !== undefined ? [`Member must satisfy regular expression pattern: ${spec.pattern}`] : []),
    ...(spec.enum !== undefined ? [`Member must satisfy enum value set: [${spec.enum.join(', ')}]`] : []),
  ];
}

function size(spec: ShapeSpec, n: number, value: unknown, path: string, out: Violations, what: 'length' | 'value') {
  if (spec.max !== undefined && n > spec.max) out.add(path, value, spec, `Member must have ${what} less than or equal to ${spec.max}`);
  if (spec.min !== undefined && n < spec.min) out.add(path, value, spec, `Member must have ${what} greater than or equal to ${spec.min}`);
}

const join = (path: string, name: string) => (path === '' ? lowerFirst(name) : `${path}.${lowerFirst(name)}`);

/** Throws Cognito's error for the first kind of problem the request has; returns for a valid one. */
export function checkInput(operation: string, input: Record<string, unknown>): void {
  const shapeName = Object.hasOwn(OPERATION_INPUTS, operation) ? OPERATION_INPUTS[operation] : undefined;
  const spec = shapeName === undefined ? undefined : INPUT_SHAPES[shapeName];
  if (!spec) return;
  const out = new Violations();
  check(spec, input, '', out);
  if (out.list.length === 0) return;
  const count = out.list.length === 1 ? '1 validation error detected' : `${out.list.length} validation errors detected`;
  throw new CognitoError('InvalidParameterException', `${count}: ${out.list.join('; ')}`);
}
