// ListUsers' Filter: `AttributeName = "value"` (exact) or `AttributeName ^= "value"` (prefix), one
// attribute, quotes inside the value escaped with a backslash. Exact matches on indexed attributes
// use the store's index instead of a scan.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
import type { User, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Store } from '../../../store/store.js';

const SEARCHABLE = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;
type Searchable = (typeof SEARCHABLE)[number];

const INDEXED = new Set<Searchable>(['email', 'phone_number', 'preferred_username']);
const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

export interface UserFilter {
  attribute: Searchable;
  prefix: boolean;
  value: string;
}

/** Undefined for an empty filter (every user); InvalidParameterException for anything malformed. */
export function parseUserFilter(filter: string | undefined): UserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const match = FILTER.exec(filter);
  if (!match) throw new CognitoError('InvalidParameterException', 'Error while parsing filter.');
  const [, attribute = '', op, raw = ''] = match;
  if (!(SEARCHABLE as readonly string[]).includes(attribute)) {
    // Wording unconfirmed (README); custom attributes are not searchable in Cognito either.
    throw new CognitoError('InvalidParameterException', `Invalid search attribute: ${attribute}`);
  }
  return { attribute: attribute as Searchable, prefix: op === '^=', value: raw.replace(/\\(.)/g, '$1') };
}

/** The field a filter compares, normalised: user status case-insensitive, emails too (as the index is). */
function fieldOf(user: User, attribute: Searchable): string | undefined {
  switch (attribute) {
    case 'username':
      return user.Username;
    case 'cognito:user_status':
      return user.UserStatus.toLowerCase();
    case 'status':
      return user.Enabled ? 'Enabled' : 'Disabled';
    case 'email':
      return user.Attributes.email?.toLowerCase();
    default:
      return user.Attributes[attribute];
  }
}

function normalise(f: UserFilter): string {
  return f.attribute === 'cognito:user_status' || f.attribute === 'email' ? f.value.toLowerCase() : f.value;
}

export function matches(user: User, f: UserFilter): boolean {
  const field = fieldOf(user, f.attribute);
  if (field === undefined) return false;
  const wanted = normalise(f);
  return f.prefix ? field.startsWith(wanted) : field === wanted;
}

/** Users of the pool that pass the filter, in the store's order. */
export function filterUsers(store: Store, pool: UserPool, f: UserFilter | undefined): User[] {
  if (!f) return store.listUsers(pool.Id);
  let candidates: User[];
  if (!f.prefix && f.attribute === 'username') {
    const user = store.getUser(pool.Id, f.value);
    candidates = user ? [user] : [];
  } else if (!f.prefix && INDEXED.has(f.attribute)) {
    candidates = store.findUsersByAttribute(pool.Id, f.attribute, f.value);
  } else {
    candidates = store.listUsers(pool.Id);
  }
  return candidates.filter((u) => matches(u, f));
}
