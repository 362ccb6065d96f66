// AdminListUserAuthEvents: a user's auth events, newest first, MaxResults (0–60, default 60) per
// page with an opaque NextToken. Only while the pool's threat protection is on (AUDIT or
// ENFORCED): otherwise Cognito refuses with UserPoolAddOnNotEnabledException.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserAuthEvents.html
import type { AuthEvent, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { authEventType } from '../../../threat-protection/auth-events.js';
import { threatMode } from '../../../threat-protection/settings.js';
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { paginate } from '../../pagination.js';

const PAGE = 60;

/** Threat protection must be on for the auth-event operations. */
export function requireThreatProtection(pool: UserPool): void {
  if (threatMode(pool) === 'OFF') {
    throw new CognitoError('UserPoolAddOnNotEnabledException', 'Advanced security features are not enabled for this user pool.');
  }
}

/**
 * The paging key: newest first (paginate orders keys ascending), then the event id. The token
 * names the last key returned, so a page stays right when events are added or dropped between calls.
 */
const newestFirst = (e: AuthEvent) => `${String(Number.MAX_SAFE_INTEGER - e.CreationDate).padStart(16, '0')}:${e.EventId}`;

export const adminListUserAuthEvents: Operation =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const user = userOrThrow(store, pool, requiredString(input, 'Username', 128));
    const max = optionalInteger(input, 'MaxResults', 0, 60) ?? PAGE;
    const token = optionalString(input, 'NextToken', 131072);
    requireThreatProtection(pool);
    const page = paginate(store.listAuthEvents(pool.Id, user.Attributes.sub ?? ''), newestFirst, max, token);
    return { AuthEvents: page.items.map(authEventType), ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}) };
  };
