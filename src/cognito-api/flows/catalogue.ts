// The catalogue of sign-in flows: which flows and challenges the emulator answers, which operation
// takes which flow, and the client's ExplicitAuthFlows
// (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html).
import type { AppClient } from '../../domain/model.js';
import { CognitoError } from '../../errors/cognito-error.js';
import { optionalEnum, requiredString } from '../input.js';
import type { Input } from '../operation.js';

/** AuthFlowType as the API model lists it; anything else fails enum validation. */
const AUTH_FLOW_TYPES = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

export type AuthFlow =
  | 'USER_PASSWORD_AUTH'
  | 'ADMIN_USER_PASSWORD_AUTH'
  | 'USER_SRP_AUTH'
  | 'REFRESH_TOKEN_AUTH'
  | 'CUSTOM_AUTH'
  | 'USER_AUTH';

/** Legacy names mapped to the current ones. */
const FLOWS: Partial<Record<string, AuthFlow>> = {
  USER_PASSWORD_AUTH: 'USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ADMIN_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ADMIN_USER_PASSWORD_AUTH',
  USER_SRP_AUTH: 'USER_SRP_AUTH',
  REFRESH_TOKEN_AUTH: 'REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'REFRESH_TOKEN_AUTH',
  CUSTOM_AUTH: 'CUSTOM_AUTH',
  USER_AUTH: 'USER_AUTH',
};

const invalid = (message: string) => new CognitoError('InvalidParameterException', message);

/**
 * AuthFlow of InitiateAuth ('user') or AdminInitiateAuth ('admin'). The admin password flow is
 * refused by InitiateAuth and USER_PASSWORD_AUTH by AdminInitiateAuth, both with Cognito's
 * "Initiate Auth method not supported."
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html; moto #4836,
 * aws-doc-sdk-examples #5289).
 */
export function readAuthFlow(input: Input, api: 'user' | 'admin'): AuthFlow {
  requiredString(input, 'AuthFlow');
  const name = optionalEnum(input, 'AuthFlow', AUTH_FLOW_TYPES) ?? '';
  const flow = FLOWS[name];
  if (flow === undefined) throw invalid(`AuthFlow ${name} is not supported by cognito-emulator`);
  if ((api === 'user' && flow === 'ADMIN_USER_PASSWORD_AUTH') || (api === 'admin' && flow === 'USER_PASSWORD_AUTH')) {
    throw invalid('Initiate Auth method not supported.');
  }
  return flow;
}

/** The ExplicitAuthFlows entries that enable each flow: current `ALLOW_` name, then legacy name. */
const ENABLED_BY: Record<AuthFlow, readonly string[]> = {
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
  ADMIN_USER_PASSWORD_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  USER_SRP_AUTH: ['ALLOW_USER_SRP_AUTH'],
  REFRESH_TOKEN_AUTH: ['ALLOW_REFRESH_TOKEN_AUTH'],
  CUSTOM_AUTH: ['ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'],
  USER_AUTH: ['ALLOW_USER_AUTH'],
};

/**
 * Throws Cognito's InvalidParameterException when the client does not allow the flow
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html).
 * A client configured with legacy names only (ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, …) has SRP and
 * refresh always on, as clients had before the ALLOW_ names existed; an empty list enables nothing
 * (both unconfirmed; README).
 */
export function checkFlowEnabled(client: AppClient, flow: AuthFlow): void {
  const configured = client.ExplicitAuthFlows;
  const legacyOnly = configured.length > 0 && !configured.some((f) => f.startsWith('ALLOW_'));
  // The legacy custom-only setting refuses every other sign-in flow (wording as observed).
  if (legacyOnly && configured.includes('CUSTOM_AUTH_FLOW_ONLY') && flow !== 'CUSTOM_AUTH' && flow !== 'REFRESH_TOKEN_AUTH') {
    throw invalid('Only custom auth (lambda driven) is enabled for this client.');
  }
  const implicit = legacyOnly && (flow === 'USER_SRP_AUTH' || flow === 'REFRESH_TOKEN_AUTH');
  if (implicit || ENABLED_BY[flow].some((name) => configured.includes(name))) return;
  throw invalid(
    flow === 'USER_PASSWORD_AUTH' ? 'USER_PASSWORD_AUTH flow not enabled for this client' : 'Auth flow not enabled for this client',
  );
}

/** ChallengeNameType as the API model lists it. */
const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const;

const ANSWERED = [
  'PASSWORD_VERIFIER',
  'NEW_PASSWORD_REQUIRED',
  'CUSTOM_CHALLENGE',
  'SMS_MFA',
  'SOFTWARE_TOKEN_MFA',
  'EMAIL_OTP',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'SELECT_CHALLENGE',
  'SMS_OTP',
  'PASSWORD',
  'PASSWORD_SRP',
  'WEB_AUTHN',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
] as const;

export type AnsweredChallenge = (typeof ANSWERED)[number];

export function readChallengeName(input: Input): AnsweredChallenge {
  requiredString(input, 'ChallengeName');
  const name = optionalEnum(input, 'ChallengeName', CHALLENGE_NAMES) ?? '';
  const answered = ANSWERED.find((c) => c === name);
  if (answered === undefined) throw invalid(`ChallengeName ${name} is not supported by cognito-emulator`);
  return answered;
}
