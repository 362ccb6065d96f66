// The risk a test declares for a user's next sign-ins (POST /_emulator/risk): Cognito scores
// account-takeover risk from signals an emulator cannot reproduce (device, location, behaviour),
// so a test names the level and the pool's configured action for that level applies. Shared by
// replicas; a reset forgets it.
import { SharedMaps, type SharedMap } from '../domain/shared-map.js';

export type RiskLevel = 'Low' | 'Medium' | 'High';

interface Pending {
  level: RiskLevel;
  remaining: number;
}

const key = (userPoolId: string, username: string) => `${userPoolId}\u0000${username}`;

export class RiskOverrides {
  private readonly pending: SharedMap<Pending>;

  constructor(maps?: SharedMaps) {
    this.pending = (maps ?? new SharedMaps()).map('riskOverrides');
  }

  /** The next `count` sign-ins of the user are scored `level`. */
  set(userPoolId: string, username: string, level: RiskLevel, count: number): void {
    this.pending.set(key(userPoolId, username), { level, remaining: count });
  }

  remove(userPoolId: string, username: string): void {
    this.pending.delete(key(userPoolId, username));
  }

  /** The level for this sign-in, if a test declared one (each sign-in uses one). */
  consume(userPoolId: string, username: string): RiskLevel | undefined {
    const k = key(userPoolId, username);
    const found = this.pending.get(k);
    if (!found) return undefined;
    if (found.remaining <= 1) this.pending.delete(k);
    else this.pending.set(k, { ...found, remaining: found.remaining - 1 });
    return found.level;
  }

  list(): Array<{ userPoolId: string; username: string; riskLevel: RiskLevel; remaining: number }> {
    return [...this.pending.entries()].map(([k, v]) => {
      const [userPoolId = '', username = ''] = k.split('\u0000');
      return { userPoolId, username, riskLevel: v.level, remaining: v.remaining };
    });
  }

  clear(): void {
    this.pending.clear();
  }

  /** Declared risks do not expire: they wait for the user's next sign-ins (or a reset). */
  purge(): void {}
}
