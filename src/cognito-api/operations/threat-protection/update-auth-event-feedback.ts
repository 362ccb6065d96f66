// UpdateAuthEventFeedback: the user rates an auth event through the links of the account-takeover
// notification, which carry a FeedbackToken bound to that event (src/threat-protection/feedback-token.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateAuthEventFeedback.html
import type { UpdateAuthEventFeedbackResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { feedbackTokenFits } from '../../../threat-protection/feedback-token.js';
import { requiredString } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { requireThreatProtection } from './add-on.js';
import { rate } from './auth-event-feedback.js';
import { feedbackValue } from './feedback-input.js';

export const updateAuthEventFeedback: Operation<'clock' | 'keys' | 'store'> = (deps) => async (input) => {
  const { pool, user } = namedUser(deps.store, input);
  const eventId = requiredString(input, 'EventId', 50);
  const token = requiredString(input, 'FeedbackToken', 4096);
  const value = feedbackValue(input);
  requireThreatProtection(pool);
  if (!(await feedbackTokenFits(deps.keys, token, pool.Id, user.Attributes.sub ?? '', eventId))) {
    throw new CognitoError('NotAuthorizedException', 'The feedback token is not valid for this event.');
  }
  await rate(deps, pool, user, eventId, value, 'User');
  return {} satisfies Wire<UpdateAuthEventFeedbackResponse>;
};
