// What a sign-in attempt comes to, independent of the surface that asked (hosted page or JSON API).
// Each surface turns a failure into its own wire form through one table: the hosted page's
// message table (src/hosted-ui/sign-in-messages.ts) and the JSON API's error table
// (src/cognito-api/sign-in-errors.ts).
import type { AppClient, User, UserPool } from '../domain/model.js';
import type { Deps } from '../deps.js';
import type { Assessment } from '../threat-protection/assess.js';
import type { SignInMetadata } from '../triggers/sign-in.js';
import type { ChallengeName } from '../state/sign-in-challenges.js';

/** The dependencies a sign-in uses, whatever its surface and flow. */
export type SignInDeps =
  | 'clock'
  | 'credentials'
  | 'keys'
  | 'lockout'
  | 'messages'
  | 'riskOverrides'
  | 'signInChallenges'
  | 'srpBlocks'
  | 'store'
  | 'tokens'
  | 'triggers'
  | 'urls'
  | 'usedTotpSteps';

/** The pool and app client a sign-in happens in. */
export interface SignInContext {
  deps: Pick<Deps, SignInDeps>;
  pool: UserPool;
  client: AppClient;
  /** ClientMetadata of the call, for the Lambda triggers the sign-in runs. */
  metadata?: SignInMetadata;
  /** DEVICE_KEY the client sent: a remembered device may stand in for MFA (src/sign-in/device-auth.ts). */
  deviceKey?: string;
  /** The caller's IP address, for threat protection's IP exception lists and auth events. */
  sourceIp?: string | undefined;
  /** Threat protection's verdict on this sign-in, once its password is proven (src/threat-protection/). */
  risk?: Assessment;
}

/** How the user proves who they are. SRP's proof is checked by the caller, which holds the SRP state. */
export type Proof =
  /** `login`: the name as typed, for the migrate-user trigger when nobody has it. */
  | { kind: 'password'; password: string; login?: string }
  | { kind: 'srp'; verify: (user: User) => boolean }
  /** The hosted /confirm page's sign-up code, already used to confirm the account: it proves the user. */
  | { kind: 'sign-up-code' };

/** Refusals of a sign-in attempt, in the order they are checked (see sign-in.ts). */
export type SignInFailure =
  /** No such user (only when the client reveals it: PreventUserExistenceErrors LEGACY). */
  | 'unknown-user'
  /** Too many wrong passwords (src/domain/lockout.ts). */
  | 'locked'
  | 'disabled'
  /** Self-registered and not yet confirmed, whatever the password. */
  | 'unconfirmed'
  /** Wrong password (or an unknown user, when the client hides existence). */
  | 'incorrect'
  /** The password is right but an administrator required a reset. */
  | 'reset-required'
  /** Threat protection refused it: a blocked IP, a compromised password or account-takeover risk. */
  | 'blocked';

/** Where a proven sign-in leads. */
export type SignInSuccess =
  /**
   * A pending challenge: `session` names it in the challenge store (src/state/sign-in-challenges.ts);
   * `parameters` are Cognito's ChallengeParameters for it (masked destinations, factor lists as JSON strings).
   */
  | {
      kind: 'challenge';
      challenge: ChallengeName;
      user: User;
      session: string;
      parameters?: Record<string, string>;
      /** SELECT_CHALLENGE: the first factors the user may choose from. */
      available?: string[];
    }
  /** `deviceKey`: the sign-in was completed by a tracked device, which gets no new device metadata. */
  | { kind: 'signed-in'; user: User; deviceKey?: string; eventId?: string };

export type SignInOutcome = { kind: 'failed'; failure: SignInFailure } | SignInSuccess;

/** Refusals of an answer to NEW_PASSWORD_REQUIRED. */
export type NewPasswordFailure =
  /** Unknown, expired, answered or foreign session; or the user is no longer waiting for a new password. */
  | 'invalid-session'
  | 'disabled'
  /** The user was deleted while the password was hashed. */
  | 'user-gone';

export type NewPasswordOutcome =
  | { kind: 'failed'; failure: NewPasswordFailure }
  /** The password breaks the pool's policy; `message` is Cognito's text. The session stays usable. */
  | { kind: 'invalid-password'; message: string }
  /** Signed in, or (with MFA) the next challenge. */
  | SignInSuccess;
