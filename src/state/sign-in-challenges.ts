// The one store of pending sign-in challenges, for both surfaces: the JSON API's `Session` and the
// hosted page's hidden field name the same kind of entry. An entry lives the app client's
// AuthSessionValidity (3–15 minutes, default 3) and is gone once answered. Entries are plain JSON
// (custom authentication's state included) and, with replicas, shared by all of them: a challenge
// issued by one is answered at another, and answered once only.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
import { randomBytes } from 'node:crypto';
import { ExpiringMap } from '../domain/expiring-map.js';
import type { AppClient } from '../domain/model.js';
import type { SharedMaps } from '../domain/shared-map.js';
import type { ChallengeResult } from '../triggers/custom-auth.js';

/** A second factor, or choosing / setting one up (src/sign-in/mfa.ts). */
export type MfaChallenge = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' | 'SELECT_MFA_TYPE' | 'MFA_SETUP';

/**
 * Choice-based sign-in (USER_AUTH, src/sign-in/choice.ts): choosing the first factor, a code or a
 * passkey (src/sign-in/passkey.ts) as the first factor.
 */
export type FirstFactorChallenge = 'SELECT_CHALLENGE' | 'SMS_OTP' | 'WEB_AUTHN';

/** Device authentication (SRP with the device's own secret) instead of MFA. */
export type DeviceChallenge = 'DEVICE_SRP_AUTH' | 'DEVICE_PASSWORD_VERIFIER';

/** The challenge a user must answer before getting in. */
export type ChallengeName = 'NEW_PASSWORD_REQUIRED' | MfaChallenge | FirstFactorChallenge | DeviceChallenge;

/** Where a custom authentication (src/sign-in/custom-auth.ts) stands between its steps. */
export interface CustomAuthState {
  session: ChallengeResult[];
  privateParameters: Record<string, string>;
  challengeMetadata: string | null;
  /** Nobody has the login (only when the client hides user existence). */
  userNotFound: boolean;
}

export interface PendingChallenge {
  /**
   * CUSTOM_SRP: the PASSWORD_VERIFIER step of a custom authentication that started with SRP.
   * SIGN_UP / AUTO_SIGN_IN: SignUp's and then ConfirmSignUp's Session, for the sign-in without a
   * further factor that follows a confirmed sign-up (USER_AUTH).
   */
  challenge: ChallengeName | 'CUSTOM_CHALLENGE' | 'CUSTOM_SRP' | 'SIGN_UP' | 'AUTO_SIGN_IN';
  userPoolId: string;
  clientId: string;
  /** The real username; for a custom authentication of nobody (hidden existence), the login. */
  username: string;
  custom?: CustomAuthState;
  /** SMS_MFA / EMAIL_OTP: the code sent for this challenge. */
  code?: string;
  /** MFA_SETUP: the authenticator secret from AssociateSoftwareToken, then whether it was verified. */
  secret?: string;
  setupDone?: boolean;
  /** MFA_SETUP answered with an email address: EMAIL_OTP turns on once its code comes back. */
  setupEmail?: string;
  /** SELECT_CHALLENGE: the first factors offered. */
  available?: string[];
  /** EMAIL_OTP / SMS_OTP as the first factor (USER_AUTH), not as MFA. */
  firstFactor?: boolean;
  /** WEB_AUTHN: the challenge (base64url) of CREDENTIAL_REQUEST_OPTIONS. */
  webAuthnChallenge?: string;
  /** DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER: the device and the server's SRP state (hex). */
  device?: { key: string; A?: string; b?: string; B?: string; secretBlock?: string };
}

export class PendingChallenges {
  private readonly sessions: ExpiringMap<PendingChallenge>;

  constructor(
    private readonly now: () => number,
    maps?: SharedMaps,
  ) {
    this.sessions = new ExpiringMap(now, maps?.map('signInChallenges'));
  }

  /** A new opaque session string (Cognito's are 20–2048 characters). */
  start(state: PendingChallenge, client: AppClient): string {
    const session = randomBytes(96).toString('base64');
    this.sessions.set(session, state, this.now() + client.AuthSessionValidity * 60_000);
    return session;
  }

  /** The pending challenge while it is valid (a look only: an answer ends it with take). */
  get(session: string | undefined): PendingChallenge | undefined {
    return session === undefined || session === '' ? undefined : this.sessions.get(session);
  }

  /**
   * Ends the challenge, returning it; undefined when it is gone (expired, or taken by another
   * answer, on this replica or another: of two answers at once, one gets it).
   */
  take(session: string): Promise<PendingChallenge | undefined> {
    return this.sessions.take(session);
  }

  /** Ends every pending challenge that matches (those of a deleted app client or pool). */
  forgetWhere(match: (challenge: PendingChallenge) => boolean): void {
    for (const [session, challenge] of this.sessions.entries()) if (match(challenge)) this.sessions.delete(session);
  }

  purge(): void {
    this.sessions.purge();
  }

  clear(): void {
    this.sessions.clear();
  }
}
