// The hosted-UI session behind the `cognito` cookie: 1 hour, fixed, not extended by use
// (reference §3.4). One origin serves every pool, so a session remembers a user per pool.
import type { Clock } from '../clock.js';
import { ExpiringMap } from '../domain/expiring-map.js';
import { newUuid } from '../domain/ids.js';

export const SESSION_SECONDS = 3600;

export interface SignedIn {
  username: string;
  authTime: number; // epoch seconds
}

interface Session {
  users: Map<string, SignedIn>;
}

export class Sessions {
  private readonly sessions: ExpiringMap<Session>;

  constructor(private readonly clock: Clock) {
    this.sessions = new ExpiringMap(() => clock.now());
  }

  /** Records a sign-in; returns the session id to put in the cookie (a new one each time). */
  signIn(previousId: string | undefined, userPoolId: string, who: SignedIn): string {
    const previous = previousId ? this.sessions.take(previousId) : undefined;
    const users = previous?.users ?? new Map<string, SignedIn>();
    users.set(userPoolId, who);
    const id = newUuid();
    this.sessions.set(id, { users }, this.clock.now() + SESSION_SECONDS * 1000);
    return id;
  }

  find(id: string | undefined, userPoolId: string): SignedIn | undefined {
    return id ? this.sessions.get(id)?.users.get(userPoolId) : undefined;
  }

  /** Signs the pool's user out of the session; true when nobody is left in it. */
  signOut(id: string | undefined, userPoolId: string): boolean {
    const session = id ? this.sessions.get(id) : undefined;
    session?.users.delete(userPoolId);
    if (session && session.users.size > 0) return false;
    if (id) this.sessions.delete(id);
    return true;
  }

  /** Active sessions (ids shortened), for the test-control API's inspection. */
  list(): Array<{ session: string; userPoolId: string; username: string; authTime: number }> {
    return this.sessions.entries().flatMap(([id, s]) =>
      [...s.users].map(([userPoolId, who]) => ({ session: `${id.slice(0, 8)}…`, userPoolId, ...who })));
  }

  purge(): void {
    this.sessions.purge();
  }

  clear(): void {
    this.sessions.clear();
  }
}
