// Authorization codes between /oauth2/authorize and the token endpoint: in memory only, shared by
// replicas, single use (taking one is atomic, across replicas too), gone at expiry.
import type { AuthorizationCode } from '../domain/model.js';
import { SharedMaps, type SharedMap } from '../domain/shared-map.js';
import type { InMemoryState } from '../domain/in-memory-state.js';

export class AuthorizationCodes implements InMemoryState {
  private readonly codes: SharedMap<AuthorizationCode>;

  constructor(
    private readonly now: () => number,
    maps?: SharedMaps,
  ) {
    this.codes = (maps ?? new SharedMaps()).map('authorizationCodes');
  }

  save(code: AuthorizationCode): void {
    this.codes.set(code.code, code);
  }

  /** Unexpired codes, for the test-control API's inspection. */
  list(): AuthorizationCode[] {
    return [...this.codes.values()];
  }

  consume(code: string): Promise<AuthorizationCode | undefined> {
    return this.codes.take(code);
  }

  /** Drops every code that matches (those of a deleted app client or pool). */
  forgetWhere(match: (code: AuthorizationCode) => boolean): void {
    for (const [code, entry] of [...this.codes.entries()]) if (match(entry)) this.codes.delete(code);
  }

  purge(): void {
    const now = this.now();
    for (const [code, entry] of [...this.codes.entries()]) if (entry.expiresAt <= now) this.codes.drop(code);
  }

  clear(): void {
    this.codes.clear();
  }
}
