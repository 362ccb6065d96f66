// The hosted-UI session behind the `cognito` cookie: 1 hour, fixed, not extended by use
// (https://docs.aws.amazon.com/cognito/latest/developerguide/login-endpoint.html), or longer in pools
// with session tracking (domain/sso-session.ts). One origin serves every pool, so a session
// remembers a user per pool.
import type { Clock } from '../clock.js';
import { ExpiringMap } from '../domain/expiring-map.js';
import type { SharedMaps } from '../domain/shared-map.js';
import { newUuid } from '../domain/ids.js';
import { SESSION_SECONDS } from '../domain/sso-session.js';
import { own, put } from '../store/data.js';

export interface SignedIn {
  username: string;
  authTime: number; // epoch seconds
}

interface Session {
  /** Pool id → who is signed in there (plain JSON: sessions are shared between replicas). */
  users: Record<string, SignedIn>;
  expiresAt: number;
}

export class Sessions {
  private readonly sessions: ExpiringMap<Session>;

  constructor(
    private readonly clock: Clock,
    maps?: SharedMaps,
  ) {
    this.sessions = new ExpiringMap(() => clock.now(), maps?.map('hostedUiSessions'));
  }

  /** Records a sign-in; returns the session id to put in the cookie (a new one each time). */
  async signIn(previousId: string | undefined, userPoolId: string, who: SignedIn, lifetimeSeconds = SESSION_SECONDS): Promise<string> {
    const previous = previousId ? await this.sessions.take(previousId) : undefined;
    const users: Record<string, SignedIn> = { ...previous?.users };
    put(users, userPoolId, who);
    const id = newUuid();
    const expiresAt = this.clock.now() + lifetimeSeconds * 1000;
    this.sessions.set(id, { users, expiresAt }, expiresAt);
    return id;
  }

  find(id: string | undefined, userPoolId: string): SignedIn | undefined {
    const users = id ? this.sessions.get(id)?.users : undefined;
    return users ? own(users, userPoolId) : undefined;
  }

  /** Signs the pool's user out of the session; true when nobody is left in it. */
  signOut(id: string | undefined, userPoolId: string): boolean {
    const session = id ? this.sessions.get(id) : undefined;
    if (!id || !session) return true;
    const users = { ...session.users };
    delete users[userPoolId];
    if (Object.keys(users).length === 0) {
      this.sessions.delete(id);
      return true;
    }
    // Set again, not changed in place, so that other replicas see it.
    if (Object.hasOwn(session.users, userPoolId)) this.sessions.set(id, { users, expiresAt: session.expiresAt }, session.expiresAt);
    return false;
  }

  /** Signs the pool's users out of every session (the pool was deleted). */
  forgetPool(userPoolId: string): void {
    for (const [id, session] of this.sessions.entries()) if (Object.hasOwn(session.users, userPoolId)) this.signOut(id, userPoolId);
  }

  /** Active sessions (ids shortened), for the test-control API's inspection. */
  list(): Array<{ session: string; userPoolId: string; username: string; authTime: number }> {
    return this.sessions
      .entries()
      .flatMap(([id, s]) => Object.entries(s.users).map(([userPoolId, who]) => ({ session: `${id.slice(0, 8)}…`, userPoolId, ...who })));
  }

  purge(): void {
    this.sessions.purge();
  }

  clear(): void {
    this.sessions.clear();
  }
}
