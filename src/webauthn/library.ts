// @simplewebauthn/server imports the X.509 library at load time (for attestation certificates), so
// it is loaded on the first passkey registration or assertion, never at start-up: the start-up
// bundle keeps it external (scripts/bundle.mjs) and nothing imports it statically.
export type WebAuthnLibrary = typeof import('@simplewebauthn/server');

let library: Promise<WebAuthnLibrary> | undefined;

export function webAuthnLibrary(): Promise<WebAuthnLibrary> {
  library ??= import('@simplewebauthn/server');
  return library;
}
