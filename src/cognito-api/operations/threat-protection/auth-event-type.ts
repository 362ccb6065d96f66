// AuthEventType, as AdminListUserAuthEvents returns a recorded event: dates in epoch seconds, the
// emulator's own fields left out.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AuthEventType.html
import type { AuthEventType } from '@aws-sdk/client-cognito-identity-provider';
import type { AuthEvent } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

export function authEventType(event: AuthEvent): Wire<AuthEventType> {
  return {
    EventId: event.EventId,
    EventType: event.EventType,
    CreationDate: seconds(event.CreationDate),
    EventResponse: event.EventResponse,
    EventRisk: event.EventRisk,
    ChallengeResponses: event.ChallengeResponses,
    EventContextData: event.EventContextData,
    ...(event.EventFeedback ? { EventFeedback: { ...event.EventFeedback, FeedbackDate: seconds(event.EventFeedback.FeedbackDate) } } : {}),
  };
}
