// Setting up an authenticator app inside a sign-in (MFA_SETUP): AssociateSoftwareToken and
// VerifySoftwareToken called with the challenge's Session instead of an access token. Each call
// claims the session it got (single use, across replicas too) and answers with a new one; after a
// verified code the new session completes MFA_SETUP in RespondToAuthChallenge.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
import type { Deps } from '../deps.js';
import type { AppClient, User } from '../domain/model.js';
import { saveUserChanges } from '../domain/users.js';
import { newTotpSecret, totpStep } from '../mfa/totp.js';
import type { PendingChallenge } from '../state/sign-in-challenges.js';
import { enableFactor } from './mfa-answer.js';

export type SetupFailure = 'invalid-session' | 'totp-disabled' | 'not-associated' | 'code-mismatch';

interface Found {
  pending: PendingChallenge;
  user: User;
  client: AppClient;
}

function setupSession(deps: Pick<Deps, 'signInChallenges' | 'store'>, session: string): Found | 'invalid-session' {
  const pending = deps.signInChallenges.get(session);
  if (pending?.challenge !== 'MFA_SETUP' || pending.setupDone) return 'invalid-session';
  const user = deps.store.getUser(pending.userPoolId, pending.username);
  const client = deps.store.getClient(pending.clientId);
  if (!user?.Enabled || !client) return 'invalid-session';
  return { pending, user, client };
}

/** Claims the session: of two calls with it at once (on any replicas), only one goes on. */
const claim = async (deps: Pick<Deps, 'signInChallenges'>, session: string): Promise<boolean> =>
  (await deps.signInChallenges.take(session)) !== undefined;

export async function associateInSession(
  deps: Pick<Deps, 'signInChallenges' | 'store'>,
  session: string,
): Promise<{ secret: string; session: string } | SetupFailure> {
  const found = setupSession(deps, session);
  if (typeof found === 'string') return found;
  const pool = deps.store.getPool(found.pending.userPoolId);
  if (pool?.SoftwareTokenMfaConfiguration?.Enabled !== true) return 'totp-disabled';
  const secret = newTotpSecret();
  if (!(await claim(deps, session))) return 'invalid-session';
  return { secret, session: deps.signInChallenges.start({ ...found.pending, secret }, found.client) };
}

export async function verifyInSession(
  deps: Pick<Deps, 'clock' | 'signInChallenges' | 'store' | 'usedTotpSteps'>,
  session: string,
  code: string,
  friendlyName: string | undefined,
): Promise<{ session: string } | SetupFailure> {
  const found = setupSession(deps, session);
  if (typeof found === 'string') return found;
  const secret = found.pending.secret;
  if (secret === undefined) return 'not-associated';
  const step = totpStep(secret, code, deps.clock.now());
  if (step === undefined) return 'code-mismatch';
  if (!(await claim(deps, session))) return 'invalid-session';
  // The code is spent: signing in with it in the same window is refused as a reuse.
  deps.usedTotpSteps.claim(found.user.UserPoolId, found.user.Username, step);
  await saveUserChanges(deps, found.user, (current) => ({
    SoftwareToken: { Secret: secret, ...(friendlyName !== undefined ? { FriendlyDeviceName: friendlyName } : {}) },
    ...enableFactor(current, 'SOFTWARE_TOKEN_MFA'),
  }));
  const { secret: _used, ...rest } = found.pending;
  return { session: deps.signInChallenges.start({ ...rest, setupDone: true }, found.client) };
}
