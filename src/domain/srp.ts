// Cognito's SRP-6a (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html): 3072-bit
// group, SHA-256, k = H(padHex(N) | padHex(g)), and an
// HKDF step with the info string "Caldera Derived Key". The client side is amazon-cognito-identity-js's
// AuthenticationHelper; this is the matching server side. Modular exponentiation runs natively in
// OpenSSL through node:crypto's Diffie-Hellman (generateKeys = g^e mod N, computeSecret = X^e mod N);
// BigInt does the cheap rest.
import { createDiffieHellman, createHash, createHmac, randomBytes, timingSafeEqual, type DiffieHellman } from 'node:crypto';
import type { SrpVerifier } from './model.js';

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const N = BigInt(`0x${N_HEX}`);
const N_BYTES = Buffer.from(N_HEX, 'hex');
const G = 2n;
const G_BYTES = Buffer.from([2]);
const INFO = Buffer.from('Caldera Derived Key\u0001', 'utf8');

/**
 * Two's-complement-safe even-length hex, as the client libraries hash numbers
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
 */
export function padHex(n: bigint): string {
  const hex = n.toString(16);
  if (hex.length % 2 === 1) return `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const hexHash = (hex: string): string => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const fromHex = (hex: string): bigint => BigInt(`0x${hex}`);
const toBytes = (n: bigint): Buffer => {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 === 1 ? `0${hex}` : hex, 'hex');
};

/**
 * k = H(padHex(N) | padHex(g)) = 538282c4…9ee6
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
 */
export const K_MULTIPLIER = fromHex(hexHash(padHex(N) + padHex(G)));

/**
 * One DiffieHellman object for the group, made on first use and reused (the calls are synchronous):
 * from Node 22 on, createDiffieHellman() checks the prime, which takes ~1.5 s of CPU for this
 * 3072-bit one, where Node 20 took a millisecond. The group's own object (getDiffieHellman('modp15'),
 * the same prime) would skip the check but cannot take a private key.
 */
let group: DiffieHellman | undefined;
const dhGroup = (): DiffieHellman => (group ??= createDiffieHellman(N_BYTES, G_BYTES));

/** g^e mod N (e > 0). */
function powG(e: bigint): bigint {
  const dh = dhGroup();
  dh.setPrivateKey(toBytes(e));
  return fromHex(dh.generateKeys('hex'));
}

/** base^e mod N (e > 0). OpenSSL refuses the degenerate bases 0, 1 and N-1, which need no work. */
function modPow(base: bigint, e: bigint): bigint {
  const b = base % N;
  if (b <= 1n) return b;
  if (b === N - 1n) return e % 2n === 0n ? 1n : b;
  const dh = dhGroup();
  dh.setPrivateKey(toBytes(e));
  return fromHex(dh.computeSecret(toBytes(b)).toString('hex'));
}

/** x = H(padHex(salt) | H(poolName + username + ":" + password)). */
function passwordExponent(poolName: string, username: string, password: string, salt: bigint): bigint {
  const inner = createHash('sha256').update(`${poolName}${username}:${password}`, 'utf8').digest('hex');
  return fromHex(hexHash(padHex(salt) + inner));
}

/**
 * A fresh salt and verifier v = g^x mod N for one user. Both as minimal hex: Amplify re-parses the
 * salt as a number before padding while pycognito pads the string, so a leading 00 would make the
 * two derive different keys (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
 */
export function createSrpVerifier(poolName: string, username: string, password: string, saltHex?: string): SrpVerifier {
  let salt = saltHex !== undefined ? fromHex(saltHex) : 0n;
  while (salt === 0n) salt = fromHex(randomBytes(16).toString('hex'));
  const x = passwordExponent(poolName, username, password, salt);
  return { Salt: salt.toString(16), Verifier: powG(x).toString(16) };
}

export interface ServerEphemeral {
  b: bigint;
  B: bigint;
}

/** b random (1024 bits, like the clients' a), B = (k·v + g^b) mod N, never 0 mod N. */
export function serverEphemeral(verifierHex: string): ServerEphemeral {
  const v = fromHex(verifierHex);
  for (;;) {
    const b = fromHex(randomBytes(128).toString('hex')) % N;
    if (b === 0n) continue;
    const B = (K_MULTIPLIER * v + powG(b)) % N;
    if (B !== 0n) return { b, B };
  }
}

/** A stand-in B for users who cannot succeed (unknown with PreventUserExistenceErrors, no verifier). */
export function decoyEphemeral(): ServerEphemeral {
  return serverEphemeral(powG(fromHex(randomBytes(32).toString('hex'))).toString(16));
}

/**
 * Parses SRP_A; undefined when it is not hex or A mod N == 0 (the server must refuse it,
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
 */
export function parseSrpA(hex: string): bigint | undefined {
  if (!/^[0-9a-fA-F]{1,1024}$/.test(hex)) return undefined;
  const A = fromHex(hex);
  return A % N === 0n ? undefined : A;
}

export interface ProofInput {
  poolName: string;
  /** USER_ID_FOR_SRP: the real username. */
  username: string;
  verifierHex: string;
  A: bigint;
  b: bigint;
  B: bigint;
  /** The SECRET_BLOCK as the client echoed it (base64). */
  secretBlock: string;
  timestamp: string;
  /** PASSWORD_CLAIM_SIGNATURE (base64). */
  signature: string;
}

/**
 * Checks PASSWORD_CLAIM_SIGNATURE: S = (A·v^u)^b mod N, K = HKDF(ikm = padHex(S), salt = padHex(u)),
 * signature = HMAC(K, poolName | username | SECRET_BLOCK bytes | TIMESTAMP)
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
 */
export function verifySrpProof(p: ProofInput): boolean {
  const u = fromHex(hexHash(padHex(p.A) + padHex(p.B)));
  if (u === 0n) return false;
  const v = fromHex(p.verifierHex);
  const S = modPow((p.A * modPow(v, u)) % N, p.b);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  const key = createHmac('sha256', prk).update(INFO).digest().subarray(0, 16);
  const expected = createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(p.poolName, 'utf8'),
        Buffer.from(p.username, 'utf8'),
        Buffer.from(p.secretBlock, 'base64'),
        Buffer.from(p.timestamp, 'utf8'),
      ]),
    )
    .digest();
  const given = Buffer.from(p.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `EEE MMM d HH:mm:ss UTC yyyy`, day of month not zero-padded, e.g. `Tue Mar 3 09:05:07 UTC 2026`. */
export function srpTimestamp(ms: number): string {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:` +
    `${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
  );
}

const TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/;

/** Epoch ms of a TIMESTAMP, or undefined when malformed. A zero-padded day is accepted too (Java's parser does). */
export function parseSrpTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [, , mon, day, hh, mm, ss, year] = m;
  const ms = Date.UTC(Number(year), MONTHS.indexOf(mon ?? ''), Number(day), Number(hh), Number(mm), Number(ss));
  const back = new Date(ms);
  // Refuses impossible dates (Feb 31, 25:00) that Date.UTC would roll over.
  return back.getUTCDate() === Number(day) &&
    back.getUTCHours() === Number(hh) &&
    back.getUTCMinutes() === Number(mm) &&
    back.getUTCSeconds() === Number(ss)
    ? ms
    : undefined;
}
