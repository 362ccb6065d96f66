// AdminListUserAuthEvents: a user's auth events, newest first, MaxResults (0–60, default 60) per
// page with an opaque NextToken. Only while the pool's threat protection is on (AUDIT or
// ENFORCED): otherwise Cognito refuses with UserPoolAddOnNotEnabledException.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserAuthEvents.html
import type { UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { authEventType } from '../../../threat-protection/auth-events.js';
import { threatMode } from '../../../threat-protection/settings.js';
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';

const PAGE = 60;

/** Threat protection must be on for the auth-event operations. */
export function requireThreatProtection(pool: UserPool): void {
  if (threatMode(pool) === 'OFF') {
    throw new CognitoError('UserPoolAddOnNotEnabledException', 'Advanced security features are not enabled for this user pool.');
  }
}

const encodeCursor = (offset: number, eventId: string) => Buffer.from(JSON.stringify({ o: offset, e: eventId })).toString('base64url');

/** Where the next page starts: after the event the last page ended with (or at its offset, if that event is gone). */
function startOf(eventIds: readonly string[], token: string): number {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; e?: unknown };
    if (typeof cursor.o === 'number' && Number.isInteger(cursor.o) && cursor.o >= 0 && typeof cursor.e === 'string') {
      const at = eventIds.indexOf(cursor.e);
      return at >= 0 ? at + 1 : Math.min(cursor.o, eventIds.length);
    }
  } catch {
    /* refused below */
  }
  throw new CognitoError('InvalidParameterException', 'Invalid pagination token.');
}

export const adminListUserAuthEvents: Operation =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const user = userOrThrow(store, pool, requiredString(input, 'Username', 128));
    const max = optionalInteger(input, 'MaxResults', 0, 60) ?? PAGE;
    const token = optionalString(input, 'NextToken', 131072);
    requireThreatProtection(pool);
    const events = store.listAuthEvents(pool.Id, user.Attributes.sub ?? '');
    const start =
      token === undefined
        ? 0
        : startOf(
            events.map((e) => e.EventId),
            token,
          );
    const page = events.slice(start, start + max);
    const last = page.at(-1);
    const more = last !== undefined && start + page.length < events.length;
    return { AuthEvents: page.map(authEventType), ...(more ? { NextToken: encodeCursor(start + page.length, last.EventId) } : {}) };
  };
