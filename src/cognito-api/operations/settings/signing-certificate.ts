// GetSigningCertificate: a self-signed X.509 certificate (base64 DER, as Cognito returns it) for
// the pool's signing key, the one its ID tokens are signed with
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetSigningCertificate.html).
// Made once and kept on the pool, so every call returns the same certificate.
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';

/** Loaded on first use, so start-up does not pay for the X.509 library (the bundle keeps it outside). */
const loadCertificates = () => import('./self-signed-certificate.js');

export const getSigningCertificate: Operation<'clock' | 'keys' | 'store'> = ({ store, keys, clock }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  if (pool.SigningCertificate !== undefined) return { Certificate: pool.SigningCertificate };
  const keyring = await keys.ensure(pool.Id);
  const Certificate = await (await loadCertificates()).selfSignedCertificate(pool.Id, keyring.id, clock.now());
  // Re-read: the pool may have changed while the certificate was being signed.
  const current = store.getPool(pool.Id);
  if (current && current.SigningCertificate === undefined) await store.putPool({ ...current, SigningCertificate: Certificate });
  return { Certificate: current?.SigningCertificate ?? Certificate };
};
