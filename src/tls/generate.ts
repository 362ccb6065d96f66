// Creates the local CA and the server certificates it signs (crypto/x509.ts). ECDSA P-256
// throughout: key generation and signing are WebCrypto jobs on libuv's thread pool (off the event
// loop), and take milliseconds where RSA takes seconds. Used only when a certificate has to be
// made: tls/local-ca.ts checks existing ones with node:crypto alone.
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { DAY_MS, serialNumber, validity, x509 } from '../crypto/x509.js';

type Key = webcrypto.CryptoKey;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
/** Under the 398 days browsers accept for a server certificate; renewed well before it ends. */
export const SERVER_DAYS = 397;
const CA_DAYS = 3650;

export interface PemPair {
  cert: string;
  key: string;
}

const generateKeys = () => webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;

async function keyPem(key: Key): Promise<string> {
  return (await x509()).PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** Backdated a day, so a client whose clock is a little behind still accepts it. */
const backdated = (now: number, days: number) => validity(now - DAY_MS, days + 1);

export async function createCa(now: number): Promise<PemPair> {
  const lib = await x509();
  const keys = await generateKeys();
  const cert = await lib.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: 'CN=cognito-emulator local CA, O=cognito-emulator',
    ...backdated(now, CA_DAYS),
    signingAlgorithm: ALGORITHM,
    keys: keys as never,
    extensions: [
      new lib.BasicConstraintsExtension(true, 0, true),
      new lib.KeyUsagesExtension(lib.KeyUsageFlags.keyCertSign | lib.KeyUsageFlags.cRLSign, true),
      await lib.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
    ],
  });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}

/** A server certificate for `names` (DNS names and IP addresses), signed by the CA. */
export async function createServerCertificate(ca: PemPair, names: readonly string[], now: number): Promise<PemPair> {
  const lib = await x509();
  const caCert = new lib.X509Certificate(ca.cert);
  const caKey = await webcrypto.subtle.importKey('pkcs8', lib.PemConverter.decodeFirst(ca.key), ALGORITHM, false, ['sign']);
  const keys = await generateKeys();
  const publicKey = keys.publicKey as never;
  const cert = await lib.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${names[0] ?? 'localhost'}`,
    issuer: caCert.subject,
    ...backdated(now, SERVER_DAYS),
    signingAlgorithm: ALGORITHM,
    publicKey,
    signingKey: caKey as never,
    extensions: [
      new lib.BasicConstraintsExtension(false, undefined, true),
      new lib.KeyUsagesExtension(lib.KeyUsageFlags.digitalSignature, true),
      new lib.ExtendedKeyUsageExtension([lib.ExtendedKeyUsage.serverAuth]),
      new lib.SubjectAlternativeNameExtension(names.map((value) => ({ type: isIP(value) ? ('ip' as const) : ('dns' as const), value }))),
      await lib.AuthorityKeyIdentifierExtension.create(caCert),
      await lib.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}
