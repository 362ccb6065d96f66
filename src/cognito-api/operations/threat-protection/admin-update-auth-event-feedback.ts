// AdminUpdateAuthEventFeedback: an administrator rates a user's auth event (feedback-input.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUpdateAuthEventFeedback.html
import type { AdminUpdateAuthEventFeedbackResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { requireThreatProtection } from './add-on.js';
import { rate } from './auth-event-feedback.js';
import { feedbackValue } from './feedback-input.js';

export const adminUpdateAuthEventFeedback: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { pool, user } = namedUser(deps.store, input);
  const eventId = requiredString(input, 'EventId', 50);
  const value = feedbackValue(input);
  requireThreatProtection(pool);
  await rate(deps, pool, user, eventId, value, 'Admin');
  return {} satisfies Wire<AdminUpdateAuthEventFeedbackResponse>;
};
