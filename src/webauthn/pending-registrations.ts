// Registrations started (StartWebAuthnRegistration) and waiting for the authenticator's answer
// (CompleteWebAuthnRegistration), one per user: a new start replaces the previous challenge.
// Kept in a shared map, so a registration started at one replica completes at another.
import { ExpiringMap } from '../domain/expiring-map.js';
import type { SharedMaps } from '../domain/shared-map.js';

export interface PendingRegistration {
  /** base64url, as CredentialCreationOptions.challenge carried it. */
  challenge: string;
  /** The app client of the access token that started it (CompleteWebAuthnRegistration must match). */
  clientId: string;
  rpId: string;
  userVerification: 'required' | 'preferred';
}

/** Cognito does not document the lifetime; five minutes covers the ceremony's own 60 s timeout. */
const LIFETIME_MS = 5 * 60_000;

export class PendingRegistrations {
  private readonly entries: ExpiringMap<PendingRegistration>;

  constructor(
    private readonly now: () => number,
    maps?: SharedMaps,
  ) {
    this.entries = new ExpiringMap(now, maps?.map('webAuthnRegistrations'));
  }

  start(userPoolId: string, username: string, registration: PendingRegistration): void {
    this.entries.set(key(userPoolId, username), registration, this.now() + LIFETIME_MS);
  }

  get(userPoolId: string, username: string): PendingRegistration | undefined {
    return this.entries.get(key(userPoolId, username));
  }

  /** Ends it; undefined when it is gone (expired, or completed by a concurrent call). */
  take(userPoolId: string, username: string): Promise<PendingRegistration | undefined> {
    return this.entries.take(key(userPoolId, username));
  }

  purge(): void {
    this.entries.purge();
  }

  clear(): void {
    this.entries.clear();
  }
}

const key = (userPoolId: string, username: string) => `${userPoolId}\u0000${username}`;
