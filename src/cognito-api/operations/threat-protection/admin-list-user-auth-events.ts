// AdminListUserAuthEvents: a user's auth events, newest first, MaxResults (0–60, default 60) per
// page with an opaque NextToken. Only while the pool's threat protection is on (AUDIT or
// ENFORCED): otherwise Cognito refuses with UserPoolAddOnNotEnabledException.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserAuthEvents.html
import type { AdminListUserAuthEventsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { AuthEvent } from '../../../domain/model.js';
import { optionalInteger, optionalString } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { requireThreatProtection } from './add-on.js';
import { authEventType } from './auth-event-type.js';
import { paginate } from '../../pagination.js';

const PAGE = 60;

/**
 * The paging key: newest first (paginate orders keys ascending), then the event id. The token
 * names the last key returned, so a page stays right when events are added or dropped between calls.
 */
const newestFirst = (e: AuthEvent) => `${String(Number.MAX_SAFE_INTEGER - e.CreationDate).padStart(16, '0')}:${e.EventId}`;

export const adminListUserAuthEvents: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const { pool, user } = namedUser(store, input);
    const max = optionalInteger(input, 'MaxResults', 0, 60) ?? PAGE;
    const token = optionalString(input, 'NextToken', 131072);
    requireThreatProtection(pool);
    const page = paginate(store.listAuthEvents(pool.Id, user.Attributes.sub ?? ''), newestFirst, max, token);
    return {
      AuthEvents: page.items.map(authEventType),
      NextToken: page.nextToken,
    } satisfies Wire<AdminListUserAuthEventsResponse>;
  };
