// Everything a route needs, built once by createEmulator() and passed down as plugin options.
import type { OffsetClock } from './clock.js';
import type { AuthorizationCodes } from './state/authorization-codes.js';
import type { Faults } from './state/faults.js';
import type { SrpBlocks } from './state/srp-blocks.js';
import type { Credentials } from './domain/credentials.js';
import type { Lockout } from './domain/lockout.js';
import type { Messages } from './domain/messages.js';
import type { VerificationCodes } from './domain/verification-codes.js';
import type { Federations } from './state/federations.js';
import type { Sessions } from './state/sessions.js';
import type { UsedTotpSteps } from './mfa/totp.js';
import type { PendingChallenges } from './state/sign-in-challenges.js';
import type { Store } from './store/store.js';
import type { RiskOverrides } from './state/risk-overrides.js';
import type { Keys } from './tokens/keys.js';
import type { TokenIssuer } from './tokens/token-issuer.js';
import type { Triggers } from './triggers/runtime.js';
import type { Urls } from './urls.js';
import type { PendingRegistrations } from './webauthn/pending-registrations.js';

export interface Deps {
  store: Store;
  /** Real time plus an offset the test-control API can move. */
  clock: OffsetClock;
  keys: Keys;
  urls: Urls;
  tokens: TokenIssuer;
  credentials: Credentials;
  sessions: Sessions;
  /** Pending sign-in challenges (NEW_PASSWORD_REQUIRED, …) of the hosted pages and the JSON API. */
  signInChallenges: PendingChallenges;
  /** USER_SRP_AUTH SECRET_BLOCKs (InitiateAuth → RespondToAuthChallenge). */
  srpBlocks: SrpBlocks;
  /** Failed-password counters and lockout, shared by the JSON API and the hosted sign-in page. */
  lockout: Lockout;
  messages: Messages;
  /** Pending sign-up, password-reset and attribute-verification codes. */
  verificationCodes: VerificationCodes;
  faults: Faults;
  /** Authorization codes between /oauth2/authorize and the token endpoint. */
  authorizationCodes: AuthorizationCodes;
  /** Federated sign-ins in progress and the emulated providers' codes and pre-selections. */
  federations: Federations;
  /** TOTP time steps already accepted, so a code works once. */
  usedTotpSteps: UsedTotpSteps;
  /** Account-takeover risk levels tests declare for users' next sign-ins (POST /_emulator/risk). */
  riskOverrides: RiskOverrides;
  /** The pools' Lambda triggers (in-process, local modules, Lambda Invoke API). */
  triggers: Triggers;
  /** Passkey registrations waiting for CompleteWebAuthnRegistration. */
  webAuthnRegistrations: PendingRegistrations;
}
