// RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge. Cognito supports S256 only.
import { createHash } from 'node:crypto';
import { safeEqual } from './passwords.js';

/** RFC 7636 §4.1: 43-128 characters of [A-Z a-z 0-9 - . _ ~]. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function pkceMatches(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  return safeEqual(createHash('sha256').update(verifier, 'ascii').digest('base64url'), challenge);
}
