// A pool's LambdaConfig, exactly Cognito's LambdaConfigType
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html),
// so a pool pasted from AWS keeps its shape. src/triggers/lambda-config.ts reads it from
// CreateUserPool / UpdateUserPool input and from fixtures; DescribeUserPool returns it as stored.

/** The keys that name one function each, in the order DescribeUserPool lists them. */
export const FUNCTION_KEYS = [
  'PreSignUp',
  'CustomMessage',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'DefineAuthChallenge',
  'CreateAuthChallenge',
  'VerifyAuthChallengeResponse',
  'PreTokenGeneration',
  'UserMigration',
] as const;
export type FunctionKey = (typeof FUNCTION_KEYS)[number];

export type PreTokenVersion = 'V1_0' | 'V2_0' | 'V3_0';

export interface VersionedFunction<V extends string> {
  LambdaVersion: V;
  LambdaArn: string;
}

export type LambdaConfig = Partial<Record<FunctionKey, string>> & {
  PreTokenGenerationConfig?: VersionedFunction<PreTokenVersion>;
  CustomSMSSender?: VersionedFunction<'V1_0'>;
  CustomEmailSender?: VersionedFunction<'V1_0'>;
  /** Stored and returned; federation is not emulated, so the function is never invoked. */
  InboundFederation?: VersionedFunction<'V1_0'>;
  KMSKeyID?: string;
};
