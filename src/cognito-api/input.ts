// Input checks with Cognito's InvalidParameterException wording ("1 validation error detected:
// Value null at 'userPoolId' failed to satisfy constraint: Member must not be null").
import { CognitoError } from '../errors/cognito-error.js';
import { invalid, member } from '../errors/invalid-parameter.js';
import type { Input } from './operation.js';

export { invalid };

export function requiredString(input: Input, name: string, max = 2048): string {
  const value = input[name];
  if (value === undefined || value === null) throw invalid(name, value, 'Member must not be null');
  if (typeof value !== 'string') throw invalid(name, value, 'Member must be a string');
  // Cognito names the one bound a value breaks.
  if (value.length > max) throw invalid(name, value, `Member must have length less than or equal to ${max}`);
  if (value.length < 1) throw invalid(name, value, 'Member must have length greater than or equal to 1');
  return value;
}

export function optionalString(input: Input, name: string, max = 2048): string | undefined {
  return input[name] === undefined || input[name] === null ? undefined : requiredString(input, name, max);
}

export function optionalBoolean(input: Input, name: string): boolean | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalid(name, value, 'Member must be a boolean');
  return value;
}

export function optionalInteger(input: Input, name: string, min: number, max: number): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(name, value, 'Member must be an integer');
  if (value > max) throw invalid(name, value, `Member must have value less than or equal to ${max}`);
  if (value < min) throw invalid(name, value, `Member must have value greater than or equal to ${min}`);
  return value;
}

export function optionalStringList(input: Input, name: string): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalid(name, '[...]', 'Member must be a list of strings');
  return value as string[];
}

export function optionalStringMap(input: Input, name: string): Record<string, string> | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw invalid(name, '{...}', 'Member must be a map of strings');
  }
  return value as Record<string, string>;
}

/** Cognito's `[{Name, Value}]` attribute lists. */
export function optionalAttributeList(input: Input, name: string): Array<{ Name: string; Value: string }> | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  const ok =
    Array.isArray(value) &&
    value.every(
      (a) =>
        typeof a === 'object' &&
        a !== null &&
        typeof (a as { Name?: unknown }).Name === 'string' &&
        ['string', 'undefined'].includes(typeof (a as { Value?: unknown }).Value),
    );
  if (!ok) throw invalid(name, '[...]', 'Member must be a list of {Name, Value}');
  return (value as Array<{ Name: string; Value?: string }>).map((a) => ({ Name: a.Name, Value: a.Value ?? '' }));
}

export function requiredInteger(input: Input, name: string, min: number, max: number): number {
  const value = optionalInteger(input, name, min, max);
  if (value === undefined) throw invalid(name, value, 'Member must not be null');
  return value;
}

export function optionalEnum<T extends string>(input: Input, name: string, values: readonly T[]): T | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw invalid(name, value, `Member must satisfy enum value set: [${values.join(', ')}]`);
  }
  return value as T;
}

/** A list whose members must each be one of `values` (Cognito's nested-constraint wording). */
export function optionalEnumList<T extends string>(input: Input, name: string, values: readonly T[]): T[] | undefined {
  const list = optionalStringList(input, name);
  if (list?.some((v) => !(values as readonly string[]).includes(v))) {
    throw invalid(
      name,
      `[${list.join(', ')}]`,
      `Member must satisfy constraint: [Member must satisfy enum value set: [${values.join(', ')}]]`,
    );
  }
  return list as T[] | undefined;
}

/**
 * An optional structure member as it is (its members keep their own names): undefined when absent,
 * refused when not an object.
 */
export function optionalStructure(input: Input, name: string): Input | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(name, '{...}', 'Member must be a structure');
  return value as Input;
}

/**
 * A required structure member, its own members keyed `Parent.Member`: the helpers above then name
 * them as Cognito does ('parent.member').
 */
export function requiredStructure(input: Input, name: string): Input {
  const value = input[name];
  if (value === undefined || value === null) throw invalid(name, value, 'Member must not be null');
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CognitoError('SerializationException', `Unexpected JSON value at '${member(name)}': expected object`);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [`${name}.${k}`, v]));
}

/** A required list member (UserAttributes, UserAttributeNames): null fails as Cognito's validation does. */
export function requireMember(input: Input, name: string): void {
  if (input[name] === undefined || input[name] === null) requiredString(input, name);
}

/** Cognito's pattern-constraint failure for a field already known to be a string. */
export function checkPattern(name: string, value: string, pattern: RegExp, shown: string): string {
  if (!pattern.test(value)) throw invalid(name, value, `Member must satisfy regular expression pattern: ${shown}`);
  return value;
}
