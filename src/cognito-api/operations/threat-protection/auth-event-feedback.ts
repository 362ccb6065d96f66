// Recording feedback on one of a user's auth events, from an administrator or from the user.
import type { Deps } from '../../../deps.js';
import type { User, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { updateAuthEvent } from '../../../threat-protection/auth-events.js';

export async function rate(
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
