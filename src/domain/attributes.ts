// User attributes: Cognito's standard names plus custom:*
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html).
import { isStandardAttribute } from './schema.js';

export function isKnownAttribute(name: string): boolean {
  return isStandardAttribute(name) || /^(dev:)?custom:[\w.-]{1,20}$/.test(name);
}

/** Cognito's `[{Name, Value}]` list as a map (later entries win), verification flags normalised. */
export function attributeMap(list: ReadonlyArray<{ Name: string; Value?: string }> | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { Name, Value } of list ?? []) {
    Object.defineProperty(map, Name, { value: flagValue(Name, Value ?? ''), enumerable: true, writable: true, configurable: true });
  }
  return map;
}

/**
 * email_verified / phone_number_verified: Cognito takes `true` / `false` in any case (`True`,
 * `FALSE`) and reports them in lower case; other values are left for the schema check to refuse.
 */
export function flagValue(name: string, value: string): string {
  if (name !== 'email_verified' && name !== 'phone_number_verified') return value;
  const lower = value.toLowerCase();
  return lower === 'true' || lower === 'false' ? lower : value;
}

export function attributeList(map: Record<string, string>): Array<{ Name: string; Value: string }> {
  return Object.entries(map).map(([Name, Value]) => ({ Name, Value }));
}
