// Who the passkeys of a pool belong to (the WebAuthn relying party) and which page origins may use
// them. Cognito takes WebAuthnConfiguration.RelyingPartyId, else the pool's domain, and without
// either refuses passkeys (WebAuthnConfigurationMissingException). The emulator serves every
// pool's domain on its own origin (PUBLIC_URL), so a pool with a domain gets PUBLIC_URL's host name
// (`localhost` by default) as its relying party id: an app served from http://localhost:<any port>
// can then register and use passkeys. Browsers refuse IP addresses as relying party ids, so with
// PUBLIC_URL on 127.0.0.1 set RelyingPartyId (for example `localhost`).
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html (passkey)
import type { UserPool } from '../domain/model.js';
import { CognitoError } from '../errors/cognito-error.js';
import type { Urls } from '../urls.js';

export interface RelyingParty {
  id: string;
  userVerification: 'required' | 'preferred';
}

/** Passkeys are a first factor of choice-based sign-in: the pool must allow them. */
export function passkeysEnabled(pool: UserPool): boolean {
  return pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors.includes('WEB_AUTHN') === true;
}

/** The relying party of the pool, or undefined when it has neither a RelyingPartyId nor a domain. */
export function relyingPartyOf(pool: UserPool, urls: Urls): RelyingParty | undefined {
  const userVerification = pool.WebAuthnConfiguration?.UserVerification ?? 'preferred';
  const configured = pool.WebAuthnConfiguration?.RelyingPartyId;
  if (configured !== undefined) return { id: configured, userVerification };
  if (pool.Domain === undefined && pool.CustomDomain === undefined) return undefined;
  return { id: new URL(urls.publicUrl).hostname, userVerification };
}

/** Registration needs both: passkeys on, and a relying party. */
export function relyingPartyOrThrow(pool: UserPool, urls: Urls): RelyingParty {
  if (!passkeysEnabled(pool)) {
    throw new CognitoError('WebAuthnNotEnabledException', 'Passkeys (WEB_AUTHN) are not an allowed first factor of this user pool.');
  }
  const rp = relyingPartyOf(pool, urls);
  if (!rp) {
    throw new CognitoError('WebAuthnConfigurationMissingException', 'The user pool has neither a WebAuthn relying party id nor a domain.');
  }
  return rp;
}

/**
 * Whether a page origin may use passkeys of `rpId`: the WebAuthn rule (the host is the relying
 * party id or one of its subdomains, any port), over https, or http on localhost (a secure context).
 */
export function originAllowed(origin: string, rpId: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  const host = url.hostname;
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return false;
  return host === rpId || host.endsWith(`.${rpId}`);
}

/** RelyingPartyId as SetUserPoolMfaConfig takes it: a host name, no scheme, port or path. */
export function checkRelyingPartyId(id: string): void {
  const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
  if (!new RegExp(`^${label}(?:\\.${label})*$`).test(id)) {
    throw new CognitoError('InvalidParameterException', `Invalid RelyingPartyId: ${id} is not a domain name.`);
  }
}
