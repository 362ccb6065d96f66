// A pool's attribute schema: Cognito's standard attributes (in the order DescribeUserPool lists
// them) plus the pool's custom attributes. Custom attributes exist only when declared (Schema on
// CreateUserPool, AddCustomAttributes, a fixture); writing an undeclared one is refused.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
import type { SchemaAttribute, UserPool } from './model.js';

export type AttributeDataType = SchemaAttribute['AttributeDataType'];

const text = (min: string, max: string) => ({
  AttributeDataType: 'String' as const,
  StringAttributeConstraints: { MinLength: min, MaxLength: max },
});

/** Cognito's standard attributes, in DescribeUserPool's order (sub first, updated_at last). */
const STANDARD: ReadonlyArray<[string, Omit<SchemaAttribute, 'Name' | 'DeveloperOnlyAttribute' | 'Mutable' | 'Required'>]> = [
  ['sub', text('1', '2048')],
  ...['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'email'].map(
    (n): [string, ReturnType<typeof text>] => [n, text('0', '2048')],
  ),
  ['email_verified', { AttributeDataType: 'Boolean' }],
  ['gender', text('0', '2048')],
  ['birthdate', text('10', '10')],
  ...['zoneinfo', 'locale', 'phone_number'].map((n): [string, ReturnType<typeof text>] => [n, text('0', '2048')]),
  ['phone_number_verified', { AttributeDataType: 'Boolean' }],
  ['address', text('0', '2048')],
  ['updated_at', { AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '0' } }],
];

export const STANDARD_SCHEMA: readonly SchemaAttribute[] = STANDARD.map(([Name, rest]) => ({
  Name,
  ...rest,
  DeveloperOnlyAttribute: false,
  Mutable: Name !== 'sub',
  Required: Name === 'sub',
}));

export const isStandardAttribute = (name: string): boolean => STANDARD_SCHEMA.some((a) => a.Name === name);

/** SchemaAttributes: the standard list (with the pool's overrides) then the custom attributes. */
export function schemaAttributes(pool: UserPool): SchemaAttribute[] {
  const declared = pool.Schema ?? [];
  const standard = STANDARD_SCHEMA.map((a) => declared.find((d) => d.Name === a.Name) ?? a);
  return [...standard, ...declared.filter((d) => !isStandardAttribute(d.Name))];
}

/** The pool's declared custom attribute named `name` (`custom:x` or `dev:custom:x`), if any. */
export function customAttribute(pool: UserPool, name: string): SchemaAttribute | undefined {
  const bare = name.startsWith('dev:') ? name.slice(4) : name;
  return (pool.Schema ?? []).find((d) => d.Name === name || d.Name === `dev:${bare}`);
}

/** Standard attributes the pool requires at sign-up / creation (sub is assigned, never given). */
export const requiredAttributes = (pool: UserPool): string[] =>
  schemaAttributes(pool)
    .filter((a) => a.Required && a.Name !== 'sub')
    .map((a) => a.Name);

/** A custom attribute for fixture pools without a Schema: a mutable String, as the console's default. */
export const undeclaredFixtureAttribute = (name: string): SchemaAttribute => ({
  Name: name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: name.startsWith('dev:'),
  Mutable: true,
  Required: false,
  StringAttributeConstraints: {},
});
