// Passkey registration: the CredentialCreationOptions Cognito hands out (StartWebAuthnRegistration)
// and the check of the authenticator's answer (CompleteWebAuthnRegistration) with
// @simplewebauthn/server. Cognito recognizes ES256 (-7) and RS256 (-257) keys and does not enforce
// attestation; "each user can register up to 20 passkeys". Signature checks run on WebCrypto
// (crypto.subtle), whose work Node does on its thread pool, off the event loop.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
import { randomBytes } from 'node:crypto';
import type { RegistrationResponseJSON, VerifiedRegistrationResponse } from '@simplewebauthn/server';
import { webAuthnLibrary } from './library.js';
import type { User, WebAuthnCredential } from '../domain/model.js';
import { CognitoError } from '../errors/cognito-error.js';
import type { PendingRegistration } from './pending-registrations.js';
import { originAllowed, type RelyingParty } from './relying-party.js';

export const MAX_PASSKEYS = 20;
export const ALGORITHMS = [-7, -257];

/** StartWebAuthnRegistration's CredentialCreationOptions, members in Cognito's (alphabetical) order. */
export function creationOptions(user: User, rp: RelyingParty, challenge: string, existing: WebAuthnCredential[]) {
  return {
    authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: rp.userVerification },
    challenge,
    excludeCredentials: existing.map((c) => ({ id: c.CredentialId, type: 'public-key' })),
    pubKeyCredParams: ALGORITHMS.map((alg) => ({ alg, type: 'public-key' })),
    rp: { id: rp.id, name: rp.id },
    timeout: 60000,
    // Cognito's user handle is the user's sub (UTF-8, base64url).
    user: {
      displayName: user.Username,
      id: Buffer.from(user.Attributes.sub ?? user.Username, 'utf8').toString('base64url'),
      name: user.Username,
    },
  };
}

export const newChallenge = (): string => randomBytes(32).toString('base64url');

const notSupported = (why: string) => new CognitoError('WebAuthnCredentialNotSupportedException', `The passkey is not supported: ${why}`);
const malformed = () =>
  new CognitoError('InvalidParameterException', 'Credential is not a valid WebAuthn registration response (RegistrationResponseJSON).');

/** The answer's client data, read before verification so each mismatch gets Cognito's own error. */
export function clientData(response: { response?: { clientDataJSON?: unknown } }): { challenge: string; origin: string; type: string } {
  const raw = response.response?.clientDataJSON;
  if (typeof raw !== 'string') throw malformed();
  try {
    const data = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { challenge?: unknown; origin?: unknown; type?: unknown };
    if (typeof data.challenge !== 'string' || typeof data.origin !== 'string') throw malformed();
    return { challenge: data.challenge, origin: data.origin, type: String(data.type) };
  } catch {
    throw malformed();
  }
}

/** The new credential, or Cognito's error for what is wrong with the answer. */
export async function verifyRegistration(credential: unknown, pending: PendingRegistration, now: number): Promise<WebAuthnCredential> {
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) throw malformed();
  const response = credential as RegistrationResponseJSON;
  const data = clientData(response);
  if (data.challenge !== pending.challenge) {
    throw new CognitoError('WebAuthnChallengeNotFoundException', 'The registration challenge was not found or has expired.');
  }
  if (!originAllowed(data.origin, pending.rpId)) {
    throw new CognitoError(
      'WebAuthnOriginNotAllowedException',
      `The origin ${data.origin} is not allowed for the relying party ${pending.rpId}.`,
    );
  }
  let verified: VerifiedRegistrationResponse;
  try {
    verified = await (await webAuthnLibrary()).verifyRegistrationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: data.origin,
      expectedRPID: pending.rpId,
      requireUserVerification: pending.userVerification === 'required',
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch (err) {
    throw registrationError(err, pending.rpId);
  }
  if (!verified.verified) throw malformed();
  const info = verified.registrationInfo;
  const attachment = typeof response.authenticatorAttachment === 'string' ? response.authenticatorAttachment : undefined;
  return {
    CredentialId: info.credential.id,
    PublicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
    SignCount: info.credential.counter,
    RelyingPartyId: pending.rpId,
    // Cognito names passkeys itself; "Roaming passkey" is its name for a cross-platform one.
    FriendlyCredentialName: attachment === 'cross-platform' ? 'Roaming passkey' : 'Passkey',
    ...(attachment !== undefined ? { AuthenticatorAttachment: attachment } : {}),
    AuthenticatorTransports: (info.credential.transports ?? response.response.transports ?? []).map(String),
    CreatedAt: now,
  };
}

function registrationError(err: unknown, rpId: string): CognitoError {
  const e = err as { name?: string; message?: string };
  const message = e.message ?? '';
  if (e.name === 'UnexpectedRPIDHash') {
    return new CognitoError('WebAuthnRelyingPartyMismatchException', `The passkey was not created for the relying party ${rpId}.`);
  }
  if (/public key alg|Attestation Format/.test(message)) return notSupported(message);
  if (/User verification was required/.test(message)) return notSupported('the user pool requires user verification');
  return new CognitoError('InvalidParameterException', `Invalid WebAuthn registration response: ${message}`);
}
