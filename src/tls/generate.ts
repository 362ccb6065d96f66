// Creates the local CA and the server certificates it signs, with @peculiar/x509 on Node's WebCrypto.
// ECDSA P-256 throughout: key generation and signing are WebCrypto jobs on libuv's thread pool (off
// the event loop), and take milliseconds where RSA takes seconds. Loaded only when a certificate
// has to be made: tls/material.ts checks existing ones with node:crypto alone.
import 'reflect-metadata'; // @peculiar/x509 resolves its parts through tsyringe, which needs it
import * as x509 from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';

type Key = webcrypto.CryptoKey;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY_MS = 86_400_000;
/** Under the 398 days browsers accept for a server certificate; renewed well before it ends. */
export const SERVER_DAYS = 397;
const CA_DAYS = 3650;

// The library defaults to a global `crypto`; Node 20 has one, but say which.
x509.cryptoProvider.set(webcrypto as never);

export interface PemPair {
  cert: string;
  key: string;
}

const generateKeys = () => webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;

async function keyPem(key: Key): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** A positive serial number of 16 random bytes (RFC 5280 §4.1.2.2). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f | 0x01;
  return bytes.toString('hex');
}

/** Backdated a day, so a client whose clock is a little behind still accepts it. */
const validity = (now: number, days: number) => ({ notBefore: new Date(now - DAY_MS), notAfter: new Date(now + days * DAY_MS) });

export async function createCa(now: number): Promise<PemPair> {
  const keys = await generateKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: 'CN=cognito-emulator local CA, O=cognito-emulator',
    ...validity(now, CA_DAYS),
    signingAlgorithm: ALGORITHM,
    keys: keys as never,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
    ],
  });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}

/** A server certificate for `names` (DNS names and IP addresses), signed by the CA. */
export async function createServerCertificate(ca: PemPair, names: readonly string[], now: number): Promise<PemPair> {
  const caCert = new x509.X509Certificate(ca.cert);
  const caKey = await webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(ca.key), ALGORITHM, false, ['sign']);
  const keys = await generateKeys();
  const publicKey = keys.publicKey as never;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${names[0] ?? 'localhost'}`,
    issuer: caCert.subject,
    ...validity(now, SERVER_DAYS),
    signingAlgorithm: ALGORITHM,
    publicKey,
    signingKey: caKey as never,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: isIP(value) ? 'ip' as const : 'dns' as const, value }))),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}
