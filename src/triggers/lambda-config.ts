// Reading a pool's LambdaConfig (its type: src/domain/lambda-config.ts) from CreateUserPool /
// UpdateUserPool input and from fixtures, and finding the function a trigger runs.
import {
  FUNCTION_KEYS,
  type FunctionKey,
  type LambdaConfig,
  type PreTokenVersion,
  type VersionedFunction,
} from '../domain/lambda-config.js';
import { CognitoError } from '../errors/cognito-error.js';
import { invalid } from '../errors/invalid-parameter.js';

/** Every trigger the emulator invokes, named as Cognito names them in error messages. */
export type TriggerName = FunctionKey | 'CustomSMSSender' | 'CustomEmailSender';

/** Cognito's ArnType (length 20-2048). */
const ARN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
/** Cognito names nested members in camelCase, segment by segment: lambdaConfig.preTokenGenerationConfig.lambdaVersion. */
const memberPath = (path: string) =>
  path
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');

const ARN_SHOWN = 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?';

function arn(given: string, value: unknown): string {
  const path = memberPath(given);
  if (typeof value !== 'string') throw invalid(path, value, 'Member must be a string');
  if (value.length < 20 || value.length > 2048) {
    throw invalid(path, value, 'Member must have length less than or equal to 2048 and greater than or equal to 20');
  }
  if (!ARN.test(value)) throw invalid(path, value, `Member must satisfy regular expression pattern: ${ARN_SHOWN}`);
  return value;
}

function versioned<V extends string>(given: string, value: unknown, versions: readonly V[]): VersionedFunction<V> {
  const path = memberPath(given);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, '{...}', 'Member must be a structure');
  const { LambdaVersion, LambdaArn } = value as Record<string, unknown>;
  if (LambdaVersion === undefined || LambdaVersion === null)
    throw invalid(memberPath(`${path}.LambdaVersion`), LambdaVersion, 'Member must not be null');
  if (typeof LambdaVersion !== 'string' || !(versions as readonly string[]).includes(LambdaVersion)) {
    throw invalid(memberPath(`${path}.LambdaVersion`), LambdaVersion, `Member must satisfy enum value set: [${versions.join(', ')}]`);
  }
  if (LambdaArn === undefined || LambdaArn === null) throw invalid(memberPath(`${path}.LambdaArn`), LambdaArn, 'Member must not be null');
  return { LambdaVersion: LambdaVersion as V, LambdaArn: arn(`${path}.LambdaArn`, LambdaArn) };
}

const KNOWN = new Set<string>([
  ...FUNCTION_KEYS,
  'PreTokenGenerationConfig',
  'CustomSMSSender',
  'CustomEmailSender',
  'InboundFederation',
  'KMSKeyID',
]);

/**
 * LambdaConfig from CreateUserPool / UpdateUserPool / a fixture; undefined when absent. The legacy
 * PreTokenGeneration key and PreTokenGenerationConfig.LambdaArn must agree (API reference); either
 * one alone sets both, with V1_0 when only the legacy key is given ("User pools deliver V1_0
 * events by default"). Custom senders need KMSKeyID, which encrypts the codes they receive.
 */
export function readLambdaConfig(value: unknown): LambdaConfig | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('LambdaConfig', '{...}', 'Member must be a structure');
  const input = value as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !KNOWN.has(key));
  if (unknown !== undefined) throw new CognitoError('InvalidParameterException', `Unknown LambdaConfig member ${unknown.slice(0, 100)}`);
  const config: LambdaConfig = {};
  for (const key of FUNCTION_KEYS) {
    if (input[key] !== undefined && input[key] !== null) config[key] = arn(`LambdaConfig.${key}`, input[key]);
  }
  const present = (key: string) => input[key] !== undefined && input[key] !== null;
  if (present('PreTokenGenerationConfig')) {
    const ptg = versioned('LambdaConfig.PreTokenGenerationConfig', input.PreTokenGenerationConfig, ['V1_0', 'V2_0', 'V3_0'] as const);
    if (config.PreTokenGeneration !== undefined && config.PreTokenGeneration !== ptg.LambdaArn) {
      throw new CognitoError(
        'InvalidParameterException',
        'The PreTokenGeneration and PreTokenGenerationConfig.LambdaArn values must be the same.',
      );
    }
    config.PreTokenGeneration = ptg.LambdaArn;
    config.PreTokenGenerationConfig = ptg;
  } else if (config.PreTokenGeneration !== undefined) {
    config.PreTokenGenerationConfig = { LambdaVersion: 'V1_0', LambdaArn: config.PreTokenGeneration };
  }
  for (const key of ['CustomSMSSender', 'CustomEmailSender', 'InboundFederation'] as const) {
    if (present(key)) config[key] = versioned(`LambdaConfig.${key}`, input[key], ['V1_0'] as const);
  }
  if (present('KMSKeyID')) config.KMSKeyID = arn('LambdaConfig.KMSKeyID', input.KMSKeyID);
  if ((config.CustomSMSSender || config.CustomEmailSender) && config.KMSKeyID === undefined) {
    throw new CognitoError('InvalidParameterException', 'A KMSKeyID is required when a custom sender Lambda trigger is configured.');
  }
  return config;
}

/** The function a trigger runs, or undefined when the pool has none. */
export function triggerArn(config: LambdaConfig | undefined, trigger: TriggerName): string | undefined {
  if (!config) return undefined;
  if (trigger === 'CustomSMSSender' || trigger === 'CustomEmailSender') return config[trigger]?.LambdaArn;
  return config[trigger];
}

export function preTokenVersion(config: LambdaConfig | undefined): PreTokenVersion {
  return config?.PreTokenGenerationConfig?.LambdaVersion ?? 'V1_0';
}
