// Shared by the sign-in tests (auth*.test.ts, srp*.test.ts); their fixture is fixtures/auth.ts.
// - srpClient: the client half of SRP from amazon-cognito-identity-js's own AuthenticationHelper,
//   so the server is checked against the library real apps use, not against itself;
// - verifyApiTokens: a relying party's check with jose against the pool's JWKS.
import { createDiffieHellman, createHash, createHmac, getDiffieHellman, randomBytes } from 'node:crypto';
import * as identity from 'amazon-cognito-identity-js';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { POOL_ID } from './fixtures/index.js';

interface Helper {
  N: { constructor: new (hex: string, radix: number) => unknown };
  getLargeAValue(cb: (err: unknown, A: { toString(radix: number): string }) => void): void;
  getPasswordAuthenticationKey(user: string, pw: string, B: unknown, salt: unknown, cb: (err: unknown, key: Buffer) => void): void;
}
const lib = identity as unknown as {
  AuthenticationHelper: new (poolName: string) => Helper;
  DateHelper: new () => { getNowString(): string };
};

export const poolNameOf = (poolId: string) => poolId.slice(poolId.indexOf('_') + 1);
export const nowTimestamp = () => new lib.DateHelper().getNowString();

/**
 * The client half of USER_SRP_AUTH. By default computed by amazon-cognito-identity-js (pure-JS big
 * numbers: about a second per sign-in on a busy machine); `fast` computes the same client formulas
 * here with OpenSSL doing the exponentiation, for the many failure-path round trips.
 */
export async function srpClient(poolId = POOL_ID, opts: { fast?: boolean } = {}) {
  const poolName = poolNameOf(poolId);
  const client = opts.fast ? nativeClient(poolName) : await libraryClient(poolName);
  return {
    SRP_A: client.A,
    /** ChallengeResponses for PASSWORD_VERIFIER, signed with `password`. */
    async respond(params: Record<string, string> | undefined, password: string, timestamp = nowTimestamp()) {
      const p = params ?? {};
      const username = p.USER_ID_FOR_SRP ?? '';
      const key = await client.key(username, password, p.SRP_B ?? '', p.SALT ?? '');
      const signature = createHmac('sha256', key)
        .update(
          Buffer.concat([
            Buffer.from(poolName),
            Buffer.from(username),
            Buffer.from(p.SECRET_BLOCK ?? '', 'base64'),
            Buffer.from(timestamp),
          ]),
        )
        .digest('base64');
      return {
        USERNAME: username,
        PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK ?? '',
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: signature,
      };
    },
  };
}

interface ClientHalf {
  A: string;
  key(username: string, password: string, B: string, salt: string): Promise<Buffer>;
}

async function libraryClient(poolName: string): Promise<ClientHalf> {
  const helper = new lib.AuthenticationHelper(poolName);
  const A = await new Promise<string>((resolve, reject) =>
    helper.getLargeAValue((err, a) => (err ? reject(err) : resolve(a.toString(16)))),
  );
  const BigInteger = helper.N.constructor;
  return {
    A,
    key: (username, password, B, salt) =>
      new Promise<Buffer>((resolve, reject) =>
        helper.getPasswordAuthenticationKey(username, password, new BigInteger(B, 16), new BigInteger(salt, 16), (err, k) =>
          err ? reject(err) : resolve(k),
        ),
      ),
  };
}

/** RFC 3526 group 15 is Cognito's N with g = 2 (amazon-cognito-identity-js's AuthenticationHelper uses the same). */
const GROUP = getDiffieHellman('modp15');
const N = BigInt(`0x${GROUP.getPrime('hex')}`);
const big = (hex: string) => BigInt(`0x${hex || '0'}`);
const bytes = (n: bigint) => Buffer.from(n.toString(16).padStart(Math.ceil(n.toString(16).length / 2) * 2, '0'), 'hex');
const pad = (n: bigint) => {
  const h = n.toString(16);
  return h.length % 2 ? `0${h}` : /^[89a-f]/.test(h) ? `00${h}` : h;
};
const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
/** Made once: from Node 22 on, createDiffieHellman() spends ~1.5 s checking the prime. */
let dhObject: ReturnType<typeof createDiffieHellman> | undefined;
/** base^e mod N in OpenSSL (Diffie-Hellman with e as the private key). */
function powMod(base: bigint, e: bigint): bigint {
  dhObject ??= createDiffieHellman(GROUP.getPrime(), GROUP.getGenerator());
  const dh = dhObject;
  dh.setPrivateKey(bytes(e));
  return base === 2n ? big(dh.generateKeys('hex')) : big(dh.computeSecret(bytes(base % N)).toString('hex'));
}

function nativeClient(poolName: string): ClientHalf {
  const a = big(randomBytes(128).toString('hex'));
  const A = powMod(2n, a);
  const k = big(sha(Buffer.from(pad(N) + pad(2n), 'hex')));
  return {
    A: A.toString(16),
    key: async (username, password, Bhex, saltHex) => {
      const B = big(Bhex);
      const u = big(sha(Buffer.from(pad(A) + pad(B), 'hex')));
      const x = big(sha(Buffer.from(pad(big(saltHex)) + sha(`${poolName}${username}:${password}`), 'hex')));
      const base = (((B - k * powMod(2n, x)) % N) + N) % N;
      const S = powMod(base, a + u * x);
      const prk = createHmac('sha256', Buffer.from(pad(u), 'hex'))
        .update(Buffer.from(pad(S), 'hex'))
        .digest();
      return createHmac('sha256', prk).update(Buffer.from('Caldera Derived Key\u0001')).digest().subarray(0, 16);
    },
  };
}

/** Verifies API-issued ID and access tokens with jose against the pool's JWKS, as a relying party would. */
export async function verifyApiTokens(
  url: string,
  issuer: string,
  clientId: string,
  result: { IdToken?: string; AccessToken?: string } | undefined,
) {
  const jwks = createRemoteJWKSet(new URL(`${issuer.slice(issuer.lastIndexOf('/') + 1)}/.well-known/jwks.json`, `${url}/`));
  const id = await jwtVerify(result?.IdToken ?? '', jwks, { issuer, audience: clientId, algorithms: ['RS256'] });
  const access = await jwtVerify(result?.AccessToken ?? '', jwks, { issuer, algorithms: ['RS256'] });
  return { id: id.payload, access: access.payload } as {
    id: JWTPayload & Record<string, unknown>;
    access: JWTPayload & Record<string, unknown>;
  };
}
