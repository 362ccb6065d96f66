// The user-pool settings the emulator keeps, read from CreateUserPool / UpdateUserPool input.
// Settings it cannot act on yet (email configuration) are accepted and not kept: DescribeUserPool
// reports Cognito's defaults for them.
import type { UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import {
  checkPattern,
  optionalBoolean,
  optionalEnum,
  optionalEnumList,
  optionalStringMap,
  optionalStructure,
  requiredString,
} from '../../input.js';
import type { Input } from '../../operation.js';
import { readLambdaConfig } from '../../../triggers/lambda-config.js';
import { messageSettingsInput } from './pool-messages-input.js';
import { accountRecoveryInput, attributeUpdateInput, mfaInput, policiesInput } from './pool-policies-input.js';

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
export function mutableSettings(input: Input, existing?: Parameters<typeof mfaInput>[1]): MutableSettings {
  const auto = [...new Set(optionalEnumList(input, 'AutoVerifiedAttributes', ['phone_number', 'email']) ?? [])];
  const protection = optionalEnum(input, 'DeletionProtection', ['ACTIVE', 'INACTIVE']) ?? 'INACTIVE';
  const tags = optionalStringMap(input, 'UserPoolTags');
  return {
    AutoVerifiedAttributes: auto,
    DeletionProtection: protection,
    UserPoolTags: { ...tags },
    ...policiesInput(input),
    ...mfaInput(input, existing),
    ...accountRecoveryInput(input),
    ...messageSettingsInput(input),
    ...attributeUpdateInput(input, auto),
    ...deviceConfigurationInput(input),
    ...lambdaConfigInput(input),
    ...addOnsInput(input),
  };
}

const SETTABLE = [
  'AutoVerifiedAttributes',
  'DeletionProtection',
  'UserPoolTags',
  'Policies',
  'MfaConfiguration',
  'SmsConfiguration',
  'AccountRecoverySetting',
  'UserAttributeUpdateSettings',
  'VerificationMessageTemplate',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'SmsVerificationMessage',
  'SmsAuthenticationMessage',
  'AdminCreateUserConfig',
  'LambdaConfig',
  'DeviceConfiguration',
  'UserPoolAddOns',
] as const satisfies ReadonlyArray<keyof UserPool>;

export type MutableSettings = Pick<UserPool, 'AutoVerifiedAttributes'> & Partial<Pick<UserPool, (typeof SETTABLE)[number]>>;

/** DeviceConfiguration: device tracking (src/devices/); absent = devices are not tracked. */
function deviceConfigurationInput(input: Input): Pick<UserPool, 'DeviceConfiguration'> {
  const given = optionalStructure(input, 'DeviceConfiguration');
  if (!given) return {};
  const required = optionalBoolean(given, 'ChallengeRequiredOnNewDevice');
  const onPrompt = optionalBoolean(given, 'DeviceOnlyRememberedOnUserPrompt');
  return {
    DeviceConfiguration: {
      ...(required !== undefined ? { ChallengeRequiredOnNewDevice: required } : {}),
      ...(onPrompt !== undefined ? { DeviceOnlyRememberedOnUserPrompt: onPrompt } : {}),
    },
  };
}

/** UserPoolAddOns: threat protection's mode (src/threat-protection/); absent = OFF. */
function addOnsInput(input: Input): Pick<UserPool, 'UserPoolAddOns'> {
  const given = optionalStructure(input, 'UserPoolAddOns');
  if (!given) return {};
  requiredString(given, 'AdvancedSecurityMode');
  const mode = optionalEnum(given, 'AdvancedSecurityMode', ['OFF', 'AUDIT', 'ENFORCED'] as const) ?? 'OFF';
  const flows = optionalStructure(given, 'AdvancedSecurityAdditionalFlows');
  const custom = flows ? optionalEnum(flows, 'CustomAuthMode', ['AUDIT', 'ENFORCED'] as const) : undefined;
  return {
    UserPoolAddOns: {
      AdvancedSecurityMode: mode,
      ...(flows ? { AdvancedSecurityAdditionalFlows: custom !== undefined ? { CustomAuthMode: custom } : {} } : {}),
    },
  };
}

/** UpdateUserPool: the pool with every setting it takes replaced by `settings` (omitted ones back to defaults). */
export function replaceSettings(pool: UserPool, settings: MutableSettings): UserPool {
  const base: Partial<UserPool> = { ...pool };
  for (const key of SETTABLE) delete base[key];
  return { ...(base as UserPool), ...settings };
}

/** LambdaConfig (src/triggers/lambda-config.ts); omitted on UpdateUserPool, the pool's triggers are removed. */
function lambdaConfigInput(input: Input): Pick<UserPool, 'LambdaConfig'> {
  const config = readLambdaConfig(input.LambdaConfig);
  return config ? { LambdaConfig: config } : {};
}
