// Checks a JSON value against a shape of the service model: member names, JSON types, required
// members, enums, string patterns and lengths, list/map sizes and number ranges. Returns every
// problem found as "path: what", so one run shows all of an answer's deviations.
import { modelRegex } from '../../src/cognito-api/input-constraints.js';
import { sdkEnum, sdkMembers } from './sdk-schema.js';
import type { ServiceModel, Shape } from './service-model.js';

/** The model's patterns as the emulator compiles them (whole value, `u` flag where valid). */
export const modelPattern = modelRegex;

export function checkShape(model: ServiceModel, shapeName: string, value: unknown, path = '$'): string[] {
  const shape = model.shapes[shapeName];
  if (!shape) return [`${path}: shape ${shapeName} is missing from the model`];
  if (value === null) return [`${path}: null (the JSON protocol omits absent members instead)`];
  return checkValue(model, shape, value, path, shapeName);
}

function checkValue(model: ServiceModel, shape: Shape, value: unknown, path: string, name: string): string[] {
  switch (shape.type) {
    case 'structure':
      return checkStructure(model, shape, value, path, name);
    case 'list':
      return checkList(model, shape, value, path);
    case 'map':
      return checkMap(model, shape, value, path);
    case 'string':
      return checkString(shape, value, path, name);
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`${path}: ${JSON.stringify(value)} is not an integer`];
      return range(shape, value, path, 'value');
    case 'double':
    case 'float':
      return typeof value === 'number' ? range(shape, value, path, 'value') : [`${path}: ${JSON.stringify(value)} is not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: ${JSON.stringify(value)} is not a boolean`];
    case 'timestamp':
      // awsJson1_1 sends timestamps as epoch seconds (a JSON number, fractions allowed).
      return typeof value === 'number' && Number.isFinite(value) ? [] : [`${path}: ${JSON.stringify(value)} is not epoch seconds`];
    case 'blob':
      return typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? [] : [`${path}: not base64`];
    default:
      return [`${path}: shape type ${String(shape.type)} is not known to the checker`];
  }
}

function checkStructure(model: ServiceModel, shape: Shape, value: unknown, path: string, shapeName: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
  const problems: string[] = [];
  const members = shape.members ?? {};
  for (const name of shape.required ?? []) {
    if ((value as Record<string, unknown>)[name] === undefined) problems.push(`${path}.${name}: required member missing`);
  }
  for (const [name, member] of Object.entries(value)) {
    const ref = Object.hasOwn(members, name) ? members[name] : undefined;
    // A member newer than the installed model passes only when the current SDK has it.
    if (!ref) {
      if (!sdkMembers(shapeName)?.includes(name)) problems.push(`${path}.${name}: not a member of the shape`);
    } else if (KNOWN_MODEL_GAPS.has(`${ref.shape}=${JSON.stringify(member)}`)) continue;
    else problems.push(...checkShape(model, ref.shape, member, `${path}.${name}`));
  }
  return problems;
}

function checkList(model: ServiceModel, shape: Shape, value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [`${path}: not a list`];
  const item = shape.member?.shape ?? '';
  return [...range(shape, value.length, path, 'length'), ...value.flatMap((v, i) => checkShape(model, item, v, `${path}[${i}]`))];
}

function checkMap(model: ServiceModel, shape: Shape, value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not a map`];
  const entries = Object.entries(value);
  return [
    ...range(shape, entries.length, path, 'size'),
    ...entries.flatMap(([k, v]) => [
      ...checkShape(model, shape.key?.shape ?? '', k, `${path} key ${JSON.stringify(k)}`),
      ...checkShape(model, shape.value?.shape ?? '', v, `${path}[${JSON.stringify(k)}]`),
    ]),
  ];
}

/**
 * Values Cognito itself returns although the model's constraints refuse them: DescribeUserPool
 * lists every standard attribute in SchemaAttributes, phone_number_verified (21 characters)
 * included, while SchemaAttributeType.Name is a CustomAttributeNameType of at most 20.
 */
const KNOWN_MODEL_GAPS = new Set(['CustomAttributeNameType="phone_number_verified"']);

function checkString(shape: Shape, value: unknown, path: string, name: string): string[] {
  if (typeof value !== 'string') return [`${path}: ${JSON.stringify(value)} is not a string`];
  const problems = range(shape, value.length, path, 'length');
  if (shape.enum && !shape.enum.includes(value) && !sdkEnum(name).includes(value))
    problems.push(`${path}: ${JSON.stringify(value)} is not one of [${shape.enum.join(', ')}]`);
  const pattern = shape.pattern === undefined ? null : modelPattern(shape.pattern);
  if (pattern && !pattern.test(value)) problems.push(`${path}: ${JSON.stringify(value.slice(0, 80))} does not match ${shape.pattern}`);
  return problems;
}

function range(shape: Shape, n: number, path: string, what: string): string[] {
  if (shape.min !== undefined && n < shape.min) return [`${path}: ${what} ${n} is below the minimum ${shape.min}`];
  if (shape.max !== undefined && n > shape.max) return [`${path}: ${what} ${n} is above the maximum ${shape.max}`];
  return [];
}
