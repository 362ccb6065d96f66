// How a trigger's failure reaches the client, with the messages Cognito uses (AWS developer guide,
// "Customizing user pool workflows with Lambda triggers": "[trigger] failed with error [error text
// from response]"; timeouts and unreadable output as observed from Cognito).
import { CognitoError } from '../errors/cognito-error.js';
import type { TriggerName } from './lambda-config.js';

/** The handler threw, returned an error, or its runtime exited. The final "." is always appended. */
export const triggerFailed = (trigger: TriggerName, message: string) =>
  new CognitoError('UserLambdaValidationException', `${trigger} failed with error ${message}.`);

/** No answer within Cognito's fixed 5 seconds. */
export const triggerTimedOut = (trigger: TriggerName) =>
  new CognitoError('UnexpectedLambdaException', `${trigger} invocation failed due to error Socket timeout while invoking Lambda function.`);

/** The function could not be invoked at all (no such function, Lambda endpoint unreachable). */
export const triggerUnavailable = (trigger: TriggerName, detail: string) =>
  new CognitoError('UnexpectedLambdaException', `${trigger} invocation failed due to error ${detail}`);

/** The function answered something that is not the event with its response. */
export const unrecognizableOutput = () => new CognitoError('InvalidLambdaResponseException', 'Unrecognizable lambda output');
