// Invalid variants of a valid request, derived from the model's input shape: each breaks exactly one
// top-level member (omitted when required, wrong JSON type, past a length or range, outside an
// enum, against a pattern). Cognito validates every request against the model before acting, so
// each variant must be refused with InvalidParameterException (a constraint) or
// SerializationException (a wrong JSON type), whatever the state of the resources it names.
import type { Input } from '../../src/cognito-api/operation.js';
import { INPUT_SHAPES } from '../../src/cognito-api/input-constraints.generated.js';
import { modelPattern } from './shape-check.js';
import type { ServiceModel, Shape } from './service-model.js';

export interface Mutation {
  what: string;
  body: Input;
}

/** Strings longer than this are not built (some limits are 128 KiB, where nothing differs). */
const LONGEST = 300_000;

export function mutations(model: ServiceModel, inputShape: string, baseline: Input): Mutation[] {
  const shape = model.shapes[inputShape];
  const out: Mutation[] = [];
  const replace = (name: string, value: unknown, what: string) =>
    out.push({ what: `${name}: ${what}`, body: { ...baseline, [name]: value } });
  // Required members as the emulator checks them: the model's, minus those AWS made optional since
  // (scripts/compile-input-constraints.mjs, NO_LONGER_REQUIRED).
  for (const name of INPUT_SHAPES[inputShape]?.required ?? []) {
    const { [name]: _omitted, ...rest } = baseline;
    out.push({ what: `${name}: omitted`, body: rest });
  }
  for (const [name, ref] of Object.entries(shape?.members ?? {})) {
    const member = model.shapes[ref.shape];
    if (member) for (const [value, what] of invalidValues(member, baseline[name], ref.shape)) replace(name, value, what);
  }
  return out;
}

/**
 * Patterns Cognito does not enforce on requests: DomainType has no dots, yet CreateUserPoolDomain
 * takes custom domains (auth.example.com) and DescribeUserPoolDomain looks them up.
 */
const UNENFORCED_PATTERNS = new Set(['DomainType']);

function invalidValues(shape: Shape, current: unknown, shapeName: string): Array<[unknown, string]> {
  const values: Array<[unknown, string]> = [];
  switch (shape.type) {
    case 'string': {
      values.push([12345, 'a number']);
      if (shape.enum) values.push(['NOT_A_MODEL_VALUE', 'outside the enum']);
      if (shape.max !== undefined && shape.max < LONGEST) values.push(['a'.repeat(shape.max + 1), `longer than ${shape.max}`]);
      if (shape.min !== undefined && shape.min > 1) values.push(['a', `shorter than ${shape.min}`]);
      if (shape.min === 1) values.push(['', 'empty']);
      const pattern = shape.pattern === undefined || UNENFORCED_PATTERNS.has(shapeName) ? null : modelPattern(shape.pattern);
      if (pattern && !shape.enum && !pattern.test('\u0001') && (shape.min ?? 0) <= 1)
        values.push(['\u0001', 'a control character against the pattern']);
      break;
    }
    case 'integer':
    case 'long':
      values.push(['7', 'a string']);
      if (shape.max !== undefined) values.push([shape.max + 1, `above ${shape.max}`]);
      if (shape.min !== undefined) values.push([shape.min - 1, `below ${shape.min}`]);
      break;
    case 'boolean':
      values.push(['true', 'a string']);
      break;
    case 'list':
      values.push(['not a list', 'a string']);
      if (shape.max !== undefined && shape.max < 200 && Array.isArray(current) && current.length > 0) {
        values.push([Array.from({ length: shape.max + 1 }, () => current[0]), `more than ${shape.max} items`]);
      }
      break;
    case 'map':
    case 'structure':
      values.push(['not an object', 'a string']);
      values.push([[], 'a list']);
      break;
    default:
      break;
  }
  return values;
}
