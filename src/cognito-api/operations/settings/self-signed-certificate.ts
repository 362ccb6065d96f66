// A self-signed X.509 certificate for a pool's signing key, with @peculiar/x509 on Node's WebCrypto.
// Its own module so that signing-certificate.ts can load it (and the library) on first use.
import 'reflect-metadata'; // @peculiar/x509 resolves its parts through tsyringe, which needs it
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import type { SigningKey } from '../../../tokens/keys.js';

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export async function selfSignedCertificate(subject: string, key: SigningKey, now: number): Promise<string> {
  const subtle = webcrypto.subtle;
  const keys = {
    privateKey: await subtle.importKey('jwk', key.privateKey.export({ format: 'jwk' }), ALGORITHM, false, ['sign']),
    publicKey: await subtle.importKey('jwk', key.publicKey.export({ format: 'jwk' }), ALGORITHM, true, ['verify']),
  };
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex').replace(/^[89a-f]/, '1'),
    name: `CN=${subject}`,
    notBefore: new Date(now),
    notAfter: new Date(now + TEN_YEARS_MS),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true)],
  }, webcrypto as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1]);
  return Buffer.from(cert.rawData).toString('base64');
}

