// Cognito's InvalidParameterException for one bad input member ("1 validation error detected:
// Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"): the JSON API's
// input readers and the trigger configuration reader word it the same way.
import { CognitoError } from './cognito-error.js';

/** 'Parent.Member' → 'parent.member', as Cognito names nested members. */
export const member = (name: string) =>
  name
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');

export function invalid(name: string, value: unknown, constraint: string): CognitoError {
  // Objects and arrays are never stringified: `{"toString": 1}` or deeply nested arrays would throw.
  const text = typeof value === 'object' && value !== null ? (Array.isArray(value) ? '[...]' : '{...}') : String(value);
  const shown = value === undefined || value === null ? 'null' : `'${text.slice(0, 100)}'`;
  return new CognitoError(
    'InvalidParameterException',
    `1 validation error detected: Value ${shown} at '${member(name)}' failed to satisfy constraint: ${constraint}`,
  );
}
