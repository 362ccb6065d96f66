// Passkey sign-in (the WEB_AUTHN challenge of USER_AUTH): the CREDENTIAL_REQUEST_OPTIONS Cognito
// sends as a JSON string, and the check of the authenticator's assertion (CREDENTIAL, a JSON
// string of AuthenticationResponseJSON) against the user's stored passkey and its signature counter.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
import type { AuthenticationResponseJSON, AuthenticatorTransport } from '@simplewebauthn/server';
import { webAuthnLibrary } from './library.js';
import type { WebAuthnCredential } from '../domain/model.js';
import { clientData } from './registration.js';
import { originAllowed, type RelyingParty } from './relying-party.js';

/** The options as Cognito serializes them (its example: challenge, timeout, rpId, allowCredentials, userVerification). */
export function requestOptions(rp: RelyingParty, challenge: string, credentials: WebAuthnCredential[]): string {
  return JSON.stringify({
    challenge,
    timeout: 180000,
    rpId: rp.id,
    allowCredentials: credentials.map((c) => ({ type: 'public-key', id: c.CredentialId, transports: c.AuthenticatorTransports })),
    userVerification: rp.userVerification,
  });
}

export type AssertionResult = { ok: true; credentialId: string; counter: number } | { ok: false; why: string };

/** Verifies `answer` (the CREDENTIAL response) for the challenge; never throws. */
export async function verifyAssertion(
  answer: string,
  challenge: string,
  rp: RelyingParty,
  credentials: WebAuthnCredential[],
): Promise<AssertionResult> {
  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(answer) as AuthenticationResponseJSON;
    if (typeof response !== 'object' || response === null) return { ok: false, why: 'not a JSON object' };
  } catch {
    return { ok: false, why: 'not JSON' };
  }
  const stored = credentials.find((c) => c.CredentialId === response.id);
  if (!stored) return { ok: false, why: 'unknown credential' };
  let origin: string;
  try {
    origin = clientData(response).origin;
  } catch {
    return { ok: false, why: 'no client data' };
  }
  if (!originAllowed(origin, rp.id)) return { ok: false, why: `origin ${origin} not allowed` };
  try {
    const verified = await (await webAuthnLibrary()).verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rp.id,
      requireUserVerification: rp.userVerification === 'required',
      credential: {
        id: stored.CredentialId,
        publicKey: new Uint8Array(Buffer.from(stored.PublicKey, 'base64url')),
        counter: stored.SignCount,
        transports: stored.AuthenticatorTransports as AuthenticatorTransport[],
      },
    });
    if (!verified.verified) return { ok: false, why: 'signature' };
    return { ok: true, credentialId: stored.CredentialId, counter: verified.authenticationInfo.newCounter };
  } catch (err) {
    return { ok: false, why: err instanceof Error ? err.message : String(err) };
  }
}
