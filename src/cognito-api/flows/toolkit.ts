// What every sign-in flow file works with: the context a flow runs in and its parameters
// (AuthParameters, ChallengeResponses) read with Cognito's wording.
import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../errors/cognito-error.js';
import type { SignInContext } from '../../sign-in/outcome.js';
import type { Wire } from '../operation.js';

/** The pool and client a flow runs in: the sign-in core's context. */
export type AuthContext = SignInContext;

export type Params = Record<string, string>;

/**
 * What a flow answers: tokens, or a challenge with its Session. InitiateAuth's response holds every
 * member RespondToAuthChallenge's has, plus AvailableChallenges (USER_AUTH's SELECT_CHALLENGE).
 */
export type AuthOutput = Wire<InitiateAuthResponse>;

/** An AuthParameters / ChallengeResponses member, with Cognito's wording when it is missing. */
export function requiredParam(params: Params, name: string): string {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  if (value === undefined || value === '') throw new CognitoError('InvalidParameterException', `Missing required parameter ${name}`);
  return value;
}
