// AdminUpdateAuthEventFeedback (an administrator rates an event) and UpdateAuthEventFeedback (the
// user rates it through the links of the account-takeover notification, which carry a
// FeedbackToken bound to that event: src/threat-protection/feedback-token.ts). Valid says the
// sign-in was the user's, Invalid that it was not.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUpdateAuthEventFeedback.html
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateAuthEventFeedback.html
import type { AdminUpdateAuthEventFeedbackResponse, UpdateAuthEventFeedbackResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { AuthEvent, User, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { updateAuthEvent } from '../../../threat-protection/auth-events.js';
import { feedbackTokenFits } from '../../../threat-protection/feedback-token.js';
import { optionalEnum, requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { requireThreatProtection } from './add-on.js';

const VALUES = ['Valid', 'Invalid'] as const;

function feedbackValue(input: Input): NonNullable<AuthEvent['EventFeedback']>['FeedbackValue'] {
  requiredString(input, 'FeedbackValue');
  const value = optionalEnum(input, 'FeedbackValue', VALUES);
  if (value === undefined) throw new CognitoError('InvalidParameterException', 'Invalid feedback value.');
  return value;
}

async function rate(
  deps: Pick<Deps, 'clock' | 'store'>,
  pool: UserPool,
  user: User,
  eventId: string,
  value: 'Valid' | 'Invalid',
  provider: string,
): Promise<void> {
  const found = await updateAuthEvent(deps, pool.Id, user, eventId, (event) => ({
    ...event,
    EventFeedback: { FeedbackValue: value, Provider: provider, FeedbackDate: deps.clock.now() },
  }));
  if (!found) throw new CognitoError('ResourceNotFoundException', 'Auth event not found.');
}

export const adminUpdateAuthEventFeedback: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
  const eventId = requiredString(input, 'EventId', 50);
  const value = feedbackValue(input);
  requireThreatProtection(pool);
  await rate(deps, pool, user, eventId, value, 'Admin');
  return {} satisfies Wire<AdminUpdateAuthEventFeedbackResponse>;
};

export const updateAuthEventFeedback: Operation<'clock' | 'keys' | 'store'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
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
