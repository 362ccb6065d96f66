// GetSigningCertificate: a self-signed X.509 certificate (base64 DER, as Cognito returns it) for
// the pool's signing key, the one its ID tokens are signed with
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetSigningCertificate.html).
// Made once and kept on the pool, so every call returns the same certificate.
import { webcrypto } from 'node:crypto';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import type { SigningKey } from '../../../tokens/keys.js';

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

/** Loaded on first use, so start-up does not pay for the X.509 library. */
async function loadX509() {
  await import('reflect-metadata'); // @peculiar/x509 resolves its parts through tsyringe, which needs it
  return import('@peculiar/x509');
}

export async function selfSignedCertificate(subject: string, key: SigningKey, now: number): Promise<string> {
  const x509 = await loadX509();
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

export const getSigningCertificate: Operation = ({ store, keys, clock }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  if (pool.SigningCertificate !== undefined) return { Certificate: pool.SigningCertificate };
  const keyring = await keys.ensure(pool.Id);
  const Certificate = await selfSignedCertificate(pool.Id, keyring.id, clock.now());
  // Re-read: the pool may have changed while the certificate was being signed.
  const current = store.getPool(pool.Id);
  if (current && current.SigningCertificate === undefined) await store.putPool({ ...current, SigningCertificate: Certificate });
  return { Certificate: current?.SigningCertificate ?? Certificate };
};
