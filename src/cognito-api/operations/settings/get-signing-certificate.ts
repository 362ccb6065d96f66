// GetSigningCertificate: a self-signed X.509 certificate (base64 DER, as Cognito returns it) for
// the pool's signing key, the one its ID tokens are signed with
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetSigningCertificate.html).
// Made once and kept on the pool, so every call returns the same certificate.
import type { GetSigningCertificateResponse } from '@aws-sdk/client-cognito-identity-provider';
import { webcrypto } from 'node:crypto';
import { serialNumber, validity, x509 } from '../../../crypto/x509.js';
import type { SigningKey } from '../../../tokens/keys.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const TEN_YEARS_DAYS = 10 * 365;

export const getSigningCertificate: Operation<'clock' | 'keys' | 'store'> =
  ({ store, keys, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    if (pool.SigningCertificate !== undefined)
      return { Certificate: pool.SigningCertificate } satisfies Wire<GetSigningCertificateResponse>;
    const keyring = await keys.ensure(pool.Id);
    const Certificate = await selfSignedCertificate(pool.Id, keyring.id, clock.now());
    // Re-read: the pool may have changed while the certificate was being signed.
    const current = store.getPool(pool.Id);
    if (current && current.SigningCertificate === undefined) await store.putPool({ ...current, SigningCertificate: Certificate });
    return { Certificate: current?.SigningCertificate ?? Certificate } satisfies Wire<GetSigningCertificateResponse>;
  };

async function selfSignedCertificate(subject: string, key: SigningKey, now: number): Promise<string> {
  const lib = await x509();
  const subtle = webcrypto.subtle;
  const keys = {
    privateKey: await subtle.importKey('jwk', key.privateKey.export({ format: 'jwk' }), ALGORITHM, false, ['sign']),
    publicKey: await subtle.importKey('jwk', key.publicKey.export({ format: 'jwk' }), ALGORITHM, true, ['verify']),
  };
  const cert = await lib.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${subject}`,
    ...validity(now, TEN_YEARS_DAYS),
    signingAlgorithm: ALGORITHM,
    keys: keys as never,
    extensions: [new lib.BasicConstraintsExtension(false, undefined, true)],
  });
  return Buffer.from(cert.rawData).toString('base64');
}
