// The persistent state as one plain document (the DATA_FILE snapshot has exactly this shape), and
// the one kind of change every store mutation is made of: set or delete the value at a path in a
// table, or clear. Changes are whole values, so applying them is idempotent and order is the only
// thing that matters: the journal, its replay and the background fold all rely on that.
import type {
  AppClient,
  AuthEvent,
  Group,
  IdentityProvider,
  PoolKeys,
  ResourceServer,
  TokenSession,
  User,
  UserPool,
  WebAuthnCredential,
} from '../domain/model.js';

export interface Data {
  version: 1;
  pools: Record<string, UserPool>;
  clients: Record<string, AppClient>;
  resourceServers: Record<string, Record<string, ResourceServer>>;
  groups: Record<string, Record<string, Group>>;
  identityProviders: Record<string, Record<string, IdentityProvider>>;
  users: Record<string, Record<string, User>>;
  /** A user's passkeys, by pool and username (at most 20 each, so one value per user). */
  webAuthnCredentials: Record<string, Record<string, WebAuthnCredential[]>>;
  keys: Record<string, PoolKeys>;
  /** origin_jti → epoch ms after which the record can be forgotten (its tokens are expired). */
  revocations: Record<string, number>;
  /** Rotated-out refresh tokens: jti → until when it still works, and until when it is remembered (epoch ms). */
  rotated: Record<string, { graceUntil: number; until: number }>;
  /** Auth events by pool, user sub and EventId (bounded: src/threat-protection/auth-events.ts). */
  authEvents: Record<string, Record<string, Record<string, AuthEvent>>>;
  /** Token sessions by pool, user sub and SessionId (src/sessions/token-sessions.ts): one line per session change. */
  tokenSessions: Record<string, Record<string, Record<string, TokenSession>>>;
  /** Fixture record identity → hash of the fixture record last applied (see fixtures/seed.ts). */
  fixtureHashes: Record<string, string>;
  /** UpdateProvisionedLimit's rates (requests per second) of the account, by `<region>/<category>`. */
  provisionedLimits: Record<string, number>;
}

/**
 * Every table and how deep its keys go: 1 for `table[id]`, 2 for `table[poolId][id]`, 3 for
 * `table[poolId][sub][id]` (a change may still set or delete a whole level above); always the pool
 * first, so deleting a pool removes its key from every table deeper than one level. A new
 * persistent collection is a field of Data plus a line here; the journal, its replay, the fold and
 * the PostgreSQL store need nothing else.
 */
export const TABLES = {
  pools: 1,
  clients: 1,
  resourceServers: 2,
  groups: 2,
  identityProviders: 2,
  users: 2,
  webAuthnCredentials: 2,
  keys: 1,
  revocations: 1,
  rotated: 1,
  fixtureHashes: 1,
  provisionedLimits: 1,
  authEvents: 3,
  tokenSessions: 3,
} as const satisfies Record<Exclude<keyof Data, 'version'>, 1 | 2 | 3>;

export type Table = keyof typeof TABLES;
/** Tables a reset keeps: pools' keys, so tokens already handed out keep verifying. */
const KEPT_ON_CLEAR: readonly Table[] = ['keys'];

export type Change = { t: Table; k: string[]; v: unknown } | { t: Table; k: string[] } | { clear: true };

export const emptyData = (): Data => ({
  version: 1,
  pools: {},
  clients: {},
  resourceServers: {},
  groups: {},
  identityProviders: {},
  users: {},
  webAuthnCredentials: {},
  keys: {},
  revocations: {},
  rotated: {},
  fixtureHashes: {},
  provisionedLimits: {},
  authEvents: {},
  tokenSessions: {},
});

/** Applies one change to `data` in place (the store's own mutations, journal replay, other replicas' changes). */
export function applyChange(data: Data, change: Change): void {
  if ('clear' in change) {
    const kept = Object.fromEntries(KEPT_ON_CLEAR.map((t) => [t, data[t]]));
    Object.assign(data, emptyData(), kept);
    return;
  }
  if (!Object.hasOwn(TABLES, change.t) || change.k.length === 0 || change.k.length > TABLES[change.t]) {
    throw new Error(`not a change: ${JSON.stringify(change).slice(0, 200)}`);
  }
  let target = data[change.t] as Record<string, unknown>;
  for (const key of change.k.slice(0, -1)) {
    let next = own(target, key) as Record<string, unknown> | undefined;
    if (next === undefined) {
      if (!('v' in change)) return;
      next = {};
      put(target, key, next);
    }
    target = next;
  }
  const last = change.k[change.k.length - 1] as string;
  if ('v' in change) put(target, last, change.v);
  else delete target[last];
}

/** Checks a parsed snapshot: throws a message (without the file name) when it is not ours. */
export function checkSnapshot(parsed: unknown): Data & { journal?: number } {
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1) {
    throw new Error('$.version: not a cognito-emulator data file (expected version 1)');
  }
  return { ...emptyData(), ...(parsed as Partial<Data>) } as Data & { journal?: number };
}

/** Own-property lookup: ids come from requests, so `__proto__` or `constructor` must find nothing. */
export function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Own-property write: `__proto__` as a username becomes a plain key, never a prototype change. */
export function put<T>(table: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}
