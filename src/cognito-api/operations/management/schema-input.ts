// Schema entries as CreateUserPool (Schema), AddCustomAttributes (CustomAttributes) and fixtures give
// them, checked as Cognito checks them. A name that is not a standard attribute is a custom one and
// gets the `custom:` prefix (`dev:custom:` when DeveloperOnlyAttribute). Messages are Cognito's as
// moto's cognitoidp models (getmoto/moto) give them, where Cognito's documentation is silent.
import type { SchemaAttribute } from '../../../domain/model.js';
import { isStandardAttribute, STANDARD_SCHEMA } from '../../../domain/schema.js';
import { unicodePattern } from '../../../domain/unicode-pattern.js';
import { CognitoError } from '../../../errors/cognito-error.js';

const DATA_TYPES = ['Boolean', 'Number', 'String', 'DateTime'] as const;
const MAX_CUSTOM_ATTRIBUTES = 50;
const NAME = unicodePattern('^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,20}$');

const invalid = (message: string) => new CognitoError('InvalidParameterException', message);

type Entry = Record<string, unknown>;

/**
 * Checks `entries` against the attributes the pool already has (`existing`) and returns them as
 * records. `customOnly` (AddCustomAttributes) treats every name as custom, standard names included.
 */
export function parseSchema(entries: unknown, existing: readonly SchemaAttribute[], field: string, customOnly = false): SchemaAttribute[] {
  if (!Array.isArray(entries) || entries.some((e) => typeof e !== 'object' || e === null || Array.isArray(e))) {
    throw invalid(
      `1 validation error detected: Value '[...]' at '${field}' failed to satisfy constraint: Member must be a list of SchemaAttributeType`,
    );
  }
  const parsed: SchemaAttribute[] = [];
  for (const entry of entries as Entry[]) {
    const attribute = !customOnly && typeof entry.Name === 'string' && isStandardAttribute(entry.Name) ? standard(entry) : custom(entry);
    if ([...existing, ...parsed].some((a) => a.Name === attribute.Name)) {
      const bare = attribute.Name.replace(/^dev:/, '');
      throw invalid(`${bare}: Existing attribute already has name ${attribute.Name}.`);
    }
    parsed.push(attribute);
  }
  const customCount = [...existing, ...parsed].filter((a) => !isStandardAttribute(a.Name)).length;
  if (customCount > MAX_CUSTOM_ATTRIBUTES)
    throw invalid(`A user pool can have at most ${MAX_CUSTOM_ATTRIBUTES} custom \
attributes.`); // wording unconfirmed
  return parsed;
}

function dataType(entry: Entry): SchemaAttribute['AttributeDataType'] | undefined {
  const type = entry.AttributeDataType;
  if (type === undefined || type === null) return undefined;
  if (typeof type !== 'string' || !(DATA_TYPES as readonly string[]).includes(type)) {
    throw invalid(
      `Validation error detected: Value '${String(type).slice(0, 100)}' failed to satisfy constraint: Member must satisfy enum value ` +
        `set: [Boolean, Number, String, DateTime]`,
    );
  }
  return type as SchemaAttribute['AttributeDataType'];
}

const flag = (entry: Entry, name: string, fallback: boolean): boolean => {
  const value = entry[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean')
    throw invalid(
      `1 validation error detected: Value '${String(value).slice(0, 100)}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' ` +
        `failed to satisfy constraint: Member must be a boolean`,
    );
  return value;
};

/** A standard attribute may be made required or immutable; its type and constraints stay Cognito's. */
function standard(entry: Entry): SchemaAttribute {
  const base = STANDARD_SCHEMA.find((a) => a.Name === entry.Name) as SchemaAttribute;
  const type = dataType(entry);
  if ((type !== undefined && type !== base.AttributeDataType) || flag(entry, 'DeveloperOnlyAttribute', false)) {
    throw invalid(`You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${base.Name}`);
  }
  return { ...base, Mutable: flag(entry, 'Mutable', base.Mutable), Required: flag(entry, 'Required', base.Required) };
}

function custom(entry: Entry): SchemaAttribute {
  if (typeof entry.Name !== 'string' || !NAME().test(entry.Name)) {
    throw invalid(
      `1 validation error detected: Value '${typeof entry.Name === 'string' ? entry.Name.slice(0, 100) : 'null'}' at 'name' failed ` +
        `to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+ and length 1-20`,
    );
  }
  const type = dataType(entry);
  if (type === undefined) throw invalid('Invalid AttributeDataType input, consider using the provided AttributeDataType enum.');
  const developerOnly = flag(entry, 'DeveloperOnlyAttribute', false);
  const Name = `${developerOnly ? 'dev:' : ''}custom:${entry.Name}`;
  if (flag(entry, 'Required', false)) throw invalid('Required custom attributes are not supported currently.');
  const attribute: SchemaAttribute = {
    Name,
    AttributeDataType: type,
    DeveloperOnlyAttribute: developerOnly,
    Mutable: flag(entry, 'Mutable', true),
    Required: false,
  };
  if (type === 'String')
    attribute.StringAttributeConstraints = limits(entry.StringAttributeConstraints, Name, 'StringAttributeConstraints', [
      'MinLength',
      'MaxLength',
    ]);
  if (type === 'Number')
    attribute.NumberAttributeConstraints = limits(entry.NumberAttributeConstraints, Name, 'NumberAttributeConstraints', [
      'MinValue',
      'MaxValue',
    ]);
  return attribute;
}

/** Min/max pairs: non-negative integers as strings; strings at most 2048 long; min <= max. */
function limits<K extends string>(value: unknown, name: string, kind: string, [minKey, maxKey]: [K, K]): Partial<Record<K, string>> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`Invalid ${kind} for schema attribute ${name}`);
  const given = value as Record<string, unknown>;
  const read = (key: K): number | undefined => {
    const v = given[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || !/^\d{1,15}$/.test(v)) throw invalid(`Invalid ${kind} for schema attribute ${name}`);
    return Number(v);
  };
  const min = read(minKey);
  const max = read(maxKey);
  if (kind === 'StringAttributeConstraints' && ((min ?? 0) > 2048 || (max ?? 0) > 2048)) {
    throw invalid(`user.${name}: String attributes cannot have a length of more than 2048`);
  }
  if (min !== undefined && max !== undefined && min > max) {
    throw invalid(
      kind === 'StringAttributeConstraints'
        ? `user.${name}: Max length cannot be less than min length.`
        : `user.${name}: Max value cannot be less than min value.`,
    );
  }
  const out: Partial<Record<K, string>> = {};
  if (min !== undefined) out[minKey] = String(min);
  if (max !== undefined) out[maxKey] = String(max);
  return out;
}
