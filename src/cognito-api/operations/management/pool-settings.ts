// The user-pool settings the emulator keeps, read from CreateUserPool / UpdateUserPool input.
// Settings it cannot act on (MFA, SMS/email configuration, custom password
// policies, schema) are accepted and not kept: DescribeUserPool reports the defaults it enforces.
import type { UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalEnum, optionalEnumList, optionalStringMap, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';
import { checkPattern } from './common.js';

const NAME_PATTERN = /^[\w\s+=,.@-]+$/;

export function poolName(input: Input, required: true): string;
export function poolName(input: Input, required: false): string | undefined;
export function poolName(input: Input, required: boolean): string | undefined {
  if (!required && (input.PoolName === undefined || input.PoolName === null)) return undefined;
  return checkPattern('PoolName', requiredString(input, 'PoolName', 128), NAME_PATTERN, '[\\w\\s+=,.@-]+');
}

/** Sign-in attributes: fixed at creation (UpdateUserPool has no such fields). */
export function signInAttributes(input: Input): Pick<UserPool, 'UsernameAttributes' | 'AliasAttributes'> {
  const UsernameAttributes = optionalEnumList(input, 'UsernameAttributes', ['phone_number', 'email']) ?? [];
  const AliasAttributes = optionalEnumList(input, 'AliasAttributes', ['phone_number', 'email', 'preferred_username']) ?? [];
  if (UsernameAttributes.length > 0 && AliasAttributes.length > 0) {
    throw new CognitoError('InvalidParameterException', 'Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
  return { UsernameAttributes: [...new Set(UsernameAttributes)], AliasAttributes: [...new Set(AliasAttributes)] };
}

/**
 * Settings both CreateUserPool and UpdateUserPool take. Omitted ones take their defaults, as
 * UpdateUserPool documents ("If you don't provide a value for an attribute, Amazon Cognito sets
 * it to its default value").
 */
export function mutableSettings(input: Input): Pick<UserPool, 'AutoVerifiedAttributes' | 'DeletionProtection' | 'UserPoolTags'> {
  const auto = optionalEnumList(input, 'AutoVerifiedAttributes', ['phone_number', 'email']) ?? [];
  const protection = optionalEnum(input, 'DeletionProtection', ['ACTIVE', 'INACTIVE']) ?? 'INACTIVE';
  const tags = optionalStringMap(input, 'UserPoolTags');
  return {
    AutoVerifiedAttributes: [...new Set(auto)],
    DeletionProtection: protection,
    UserPoolTags: { ...tags },
  };
}
