// Refresh tokens already opened with one pool's key. The same token always opens to the same state
// (Cognito's refresh tokens are reused until they expire, not rotated), so a client that refreshes
// again and again costs one RSA-OAEP decryption, not one per refresh: the decryption cost as much
// CPU as one of the two signatures of the response (bench/; README, Performance). Every check that can change
// (revocation, expiry, the user) still runs on each refresh. Bounded, least recently used goes first.
import type { RefreshState } from './refresh-token.js';

export class OpenedTokens {
  private readonly states = new Map<string, RefreshState>();

  constructor(private readonly capacity = 1024) {}

  get(token: string): RefreshState | undefined {
    const state = this.states.get(token);
    if (state) {
      // Most recently used last: Map keeps insertion order.
      this.states.delete(token);
      this.states.set(token, state);
    }
    return state;
  }

  /** Remembers a token that opened; the state is frozen, as callers share it. */
  set(token: string, state: RefreshState): void {
    Object.freeze(state.scope);
    this.states.set(token, Object.freeze(state));
    if (this.states.size > this.capacity) {
      const oldest = this.states.keys().next();
      if (!oldest.done) this.states.delete(oldest.value);
    }
  }

  get size(): number {
    return this.states.size;
  }
}
