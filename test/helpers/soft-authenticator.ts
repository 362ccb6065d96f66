// A software passkey authenticator for tests outside the browser (the AWS SDK tests, the
// conformance scenario): it answers Cognito's CredentialCreationOptions with a "none"-attestation
// RegistrationResponseJSON and CREDENTIAL_REQUEST_OPTIONS with an AuthenticationResponseJSON, exactly
// as WebAuthn defines them (authenticator data, COSE key, DER ECDSA or PKCS#1 RSA signatures), so the
// emulator's verification is exercised for real. The browser tests use Chromium's own authenticator.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64u = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

interface CreationOptions {
  challenge: string;
  rp: { id: string };
}
interface RequestOptions {
  challenge: string;
  rpId: string;
  allowCredentials?: Array<{ id: string }>;
}

export interface SoftPasskey {
  id: string;
  rpId: string;
  privateKey: KeyObject;
  alg: -7 | -257;
  counter: number;
}

export interface CreateOptions {
  origin: string;
  /** -7 (ES256, default) or -257 (RS256); -8 (EdDSA) makes a key the emulator must refuse. */
  alg?: -7 | -257 | -8;
  /** User verified (the UV flag); default true. */
  userVerified?: boolean;
  /** Sign for another relying party than the options name. */
  rpId?: string;
  attachment?: 'platform' | 'cross-platform';
  /** Answer another challenge than the options carry. */
  challenge?: string;
}

function coseKey(publicKey: KeyObject, alg: number): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const map = new Map<number, number | Uint8Array>();
  if (alg === -7) {
    map
      .set(1, 2)
      .set(3, -7)
      .set(-1, 1)
      .set(-2, Buffer.from(jwk.x ?? '', 'base64url'))
      .set(-3, Buffer.from(jwk.y ?? '', 'base64url'));
  } else if (alg === -257) {
    map
      .set(1, 3)
      .set(3, -257)
      .set(-1, Buffer.from(jwk.n ?? '', 'base64url'))
      .set(-2, Buffer.from(jwk.e ?? '', 'base64url'));
  } else {
    map
      .set(1, 1)
      .set(3, -8)
      .set(-1, 6)
      .set(-2, Buffer.from(jwk.x ?? '', 'base64url'));
  }
  return isoCBOR.encode(map);
}

const flags = (uv: boolean, attested: boolean) => 0x01 | (uv ? 0x04 : 0) | (attested ? 0x40 : 0);

function counterBytes(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** navigator.credentials.create() as an authenticator without attestation answers it (JSON form). */
export function createPasskey(options: CreationOptions, how: CreateOptions): { passkey: SoftPasskey; response: Record<string, unknown> } {
  const alg = how.alg ?? -7;
  const { privateKey, publicKey } =
    alg === -7
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : alg === -257
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  const rpId = how.rpId ?? options.rp.id;
  const id = randomBytes(16);
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(id.length);
  const authData = Buffer.concat([
    sha256(rpId),
    Buffer.from([flags(how.userVerified ?? true, true)]),
    counterBytes(0),
    Buffer.alloc(16),
    idLength,
    id,
    coseKey(publicKey, alg),
  ]);
  const clientData = JSON.stringify({
    type: 'webauthn.create',
    challenge: how.challenge ?? options.challenge,
    origin: how.origin,
    crossOrigin: false,
  });
  const attestationObject = isoCBOR.encode(
    new Map<string, unknown>([
      ['fmt', 'none'],
      ['attStmt', new Map()],
      ['authData', authData],
    ]) as never,
  );
  const response = {
    id: b64u(id),
    rawId: b64u(id),
    type: 'public-key',
    clientExtensionResults: {},
    authenticatorAttachment: how.attachment ?? 'platform',
    response: { clientDataJSON: b64u(Buffer.from(clientData)), attestationObject: b64u(attestationObject), transports: ['internal'] },
  };
  return { passkey: { id: b64u(id), rpId, privateKey, alg: alg === -8 ? -7 : alg, counter: 0 }, response };
}

/** navigator.credentials.get() for CREDENTIAL_REQUEST_OPTIONS (the JSON string or parsed); the counter moves on. */
export function assertPasskey(
  passkey: SoftPasskey,
  options: RequestOptions | string,
  origin: string,
  how: { counter?: number; userVerified?: boolean } = {},
): string {
  const parsed: RequestOptions = typeof options === 'string' ? (JSON.parse(options) as RequestOptions) : options;
  passkey.counter = how.counter ?? passkey.counter + 1;
  const authData = Buffer.concat([
    sha256(passkey.rpId),
    Buffer.from([flags(how.userVerified ?? true, false)]),
    counterBytes(passkey.counter),
  ]);
  const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: parsed.challenge, origin, crossOrigin: false }));
  const signed = Buffer.concat([authData, sha256(clientData)]);
  const signature =
    passkey.alg === -7
      ? sign('sha256', signed, { key: passkey.privateKey, dsaEncoding: 'der' })
      : sign('sha256', signed, passkey.privateKey);
  return JSON.stringify({
    id: passkey.id,
    rawId: passkey.id,
    type: 'public-key',
    clientExtensionResults: {},
    authenticatorAttachment: 'platform',
    response: { clientDataJSON: b64u(clientData), authenticatorData: b64u(authData), signature: b64u(signature) },
  });
}
