// What every sign-in flow file works with: the context a flow runs in and its parameters
// (AuthParameters, ChallengeResponses) read with Cognito's wording.
import { CognitoError } from '../../errors/cognito-error.js';
import type { SignInContext } from '../../sign-in/outcome.js';

/** The pool and client a flow runs in: the sign-in core's context. */
export type AuthContext = SignInContext;

export type Params = Record<string, string>;

/** An AuthParameters / ChallengeResponses member, with Cognito's wording when it is missing. */
export function requiredParam(params: Params, name: string): string {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  if (value === undefined || value === '') throw new CognitoError('InvalidParameterException', `Missing required parameter ${name}`);
  return value;
}
