// Token sessions (ListUserSessions, AdminListUserSessions): one per refresh-token family, from the
// sign-in that issued the refresh token until it expires or is revoked. A refresh (or rotation)
// moves its LastActiveDate; a new sign-in makes a new session. Revoking one revokes its family, so
// its refresh token and every access / ID token issued from it stop working. A family revoked
// another way (RevokeToken, GlobalSignOut, AdminUserGlobalSignOut) is no longer listed.
// Each session is its own store record (one small journal line per change); a user keeps the last
// 50, expired ones are dropped when a new one starts (older ones are forgotten, not revoked).
// https://docs.aws.amazon.com/cognito/latest/developerguide/managing-user-sessions.html
import { randomInt } from 'node:crypto';
import type { Clock } from '../clock.js';
import { signedOutBefore, type TokenSession, type User } from '../domain/model.js';
import type { Store } from '../store/store.js';

export const MAX_SESSIONS_PER_USER = 50;

export type SessionStore = Pick<
  Store,
  'listTokenSessions' | 'putTokenSession' | 'removeTokenSessions' | 'isOriginRevoked' | 'revokeOrigin'
>;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** "a 28-character string of lowercase letters and digits, prefixed with tkn for a token session". */
export function newTokenSessionId(): string {
  let id = 'tkn';
  while (id.length < 28) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

export interface SessionStart {
  userPoolId: string;
  sub: string;
  clientId: string;
  originJti: string;
  /** Epoch ms: when the family's refresh token expires. */
  expiresAt: number;
  /** Epoch seconds: the first tokens' iat. */
  issuedAt: number;
  ip?: string | undefined;
}

/** A sign-in issued a refresh token: its session starts. */
export async function startTokenSession(store: SessionStore, clock: Clock, start: SessionStart): Promise<void> {
  const now = clock.now();
  const session: TokenSession = {
    SessionId: newTokenSessionId(),
    ClientId: start.clientId,
    OriginJti: start.originJti,
    CreateDate: now,
    LastActiveDate: now,
    ExpiresAt: start.expiresAt,
    IssuedAt: start.issuedAt,
    ...(start.ip !== undefined ? { LastIPAddress: start.ip } : {}),
  };
  const existing = store.listTokenSessions(start.userPoolId, start.sub);
  const dropped = existing.filter((s, i) => s.ExpiresAt <= now || i >= MAX_SESSIONS_PER_USER - 1).map((s) => s.SessionId);
  if (dropped.length > 0) await store.removeTokenSessions(start.userPoolId, start.sub, dropped);
  await store.putTokenSession(start.userPoolId, start.sub, session);
}

/** A refresh of the family: the session's last activity (and address) moves. */
export async function touchTokenSession(
  store: SessionStore,
  clock: Clock,
  userPoolId: string,
  sub: string,
  originJti: string,
  ip?: string,
): Promise<void> {
  const session = store.listTokenSessions(userPoolId, sub).find((s) => s.OriginJti === originJti);
  if (!session) return;
  await store.putTokenSession(userPoolId, sub, {
    ...session,
    LastActiveDate: clock.now(),
    ...(ip !== undefined ? { LastIPAddress: ip } : {}),
  });
}

/** The user's sessions still alive: not expired, not revoked, not ended by a global sign-out. */
export function activeTokenSessions(store: SessionStore, clock: Clock, userPoolId: string, user: User): TokenSession[] {
  const sub = user.Attributes.sub;
  if (sub === undefined) return [];
  const now = clock.now();
  return store
    .listTokenSessions(userPoolId, sub)
    .filter((s) => s.ExpiresAt > now && !store.isOriginRevoked(s.OriginJti) && !signedOutBefore(user, s.IssuedAt));
}

/** Revokes one of the user's active sessions; false when it has none with that id. */
export async function revokeTokenSession(
  store: SessionStore,
  clock: Clock,
  userPoolId: string,
  user: User,
  sessionId: string,
): Promise<boolean> {
  const sub = user.Attributes.sub;
  const session = activeTokenSessions(store, clock, userPoolId, user).find((s) => s.SessionId === sessionId);
  if (!session || sub === undefined) return false;
  await store.revokeOrigin(session.OriginJti, session.ExpiresAt);
  await store.removeTokenSessions(userPoolId, sub, [sessionId]);
  return true;
}
