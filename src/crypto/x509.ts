// X.509 certificates with @peculiar/x509 on Node's WebCrypto: the local CA and its server
// certificates (tls/generate.ts) and the pools' signing certificates (GetSigningCertificate). The
// library, and reflect-metadata that its tsyringe registry needs, are loaded on first use: most
// starts make no certificate, and a static import would load them at every start.
import { randomBytes, webcrypto } from 'node:crypto';

export type X509 = typeof import('@peculiar/x509');

export const DAY_MS = 86_400_000;
let library: Promise<X509> | undefined;

/** The library, set up to use Node's WebCrypto (by default it takes a global `crypto`). */
export function x509(): Promise<X509> {
  library ??= import('reflect-metadata')
    .then(() => import('@peculiar/x509'))
    .then((lib) => {
      lib.cryptoProvider.set(webcrypto as never);
      return lib;
    });
  return library;
}

/** A positive serial number of 16 random bytes (RFC 5280 §4.1.2.2). */
export function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** `days` of validity from `notBefore` (epoch milliseconds). */
export const validity = (notBefore: number, days: number) => ({
  notBefore: new Date(notBefore),
  notAfter: new Date(notBefore + days * DAY_MS),
});
