// The FeedbackValue of AdminUpdateAuthEventFeedback and UpdateAuthEventFeedback: Valid says the
// sign-in was the user's, Invalid that it was not.
import type { AuthEvent } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalEnum, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';

const VALUES = ['Valid', 'Invalid'] as const;

export function feedbackValue(input: Input): NonNullable<AuthEvent['EventFeedback']>['FeedbackValue'] {
  requiredString(input, 'FeedbackValue');
  const value = optionalEnum(input, 'FeedbackValue', VALUES);
  if (value === undefined) throw new CognitoError('InvalidParameterException', 'Invalid feedback value.');
  return value;
}
