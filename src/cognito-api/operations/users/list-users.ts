// ListUsers: UserType records (attributes under `Attributes`), at most Limit (1-60, default 60) per
// page, an opaque PaginationToken while more remain, AttributesToGet to narrow the attributes.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
import type { ListUsersResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalInteger, optionalString, optionalStringList, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { userType } from '../../serialize.js';
import { inPoolSchema } from '../../../users/attribute-rules.js';
import { filterUsers, parseUserFilter } from './list-users-filter.js';

const DEFAULT_LIMIT = 60;

interface Cursor {
  /** Index of the next user, and the username just before it (to resume correctly after deletions). */
  o: number;
  u: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(token: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (Number.isInteger(c.o) && (c.o as number) >= 0 && typeof c.u === 'string') return c as Cursor;
  } catch {
    /* fall through */
  }
  // Wording unconfirmed (README).
  throw new CognitoError('InvalidParameterException', 'Invalid pagination token.');
}

/** Where the page after `cursor` starts: O(1) when nothing moved, a search when users were removed. */
function startOf(users: User[], cursor: Cursor): number {
  if (users[cursor.o - 1]?.Username === cursor.u) return cursor.o;
  const at = users.findIndex((u) => u.Username === cursor.u);
  return at >= 0 ? at + 1 : Math.min(cursor.o, users.length);
}

export const listUsers: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const limit = optionalInteger(input, 'Limit', 1, 60) ?? DEFAULT_LIMIT;
    const token = optionalString(input, 'PaginationToken', 131072);
    const only = optionalStringList(input, 'AttributesToGet');
    // sub is always returned and cannot be asked for: Cognito refuses it with its generic wording
    // (aws-samples/sample-collaborative-ai-dlc#52).
    if (only?.includes('sub')) throw new CognitoError('InvalidParameterException', 'Input fails to satisfy the constraints.');
    const unknown = only?.find((name) => !inPoolSchema(pool, name));
    if (unknown !== undefined) {
      throw new CognitoError('InvalidParameterException', `One or more requested attributes do not exist: ${unknown}`);
    }
    // Filter may be empty (length 0-256): '' lists every user.
    const filter = parseUserFilter(input.Filter === '' ? undefined : optionalString(input, 'Filter', 256));
    const users = filterUsers(store, pool, filter);
    const start = token === undefined ? 0 : startOf(users, decodeCursor(token));
    const page = users.slice(start, start + limit);
    const last = page[page.length - 1];
    const more = start + page.length < users.length && last !== undefined;
    return {
      Users: page.map((u) => userType(u, only)),
      PaginationToken: more ? encodeCursor({ o: start + page.length, u: last.Username }) : undefined,
    } satisfies Wire<ListUsersResponse>;
  };
