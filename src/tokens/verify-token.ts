// Checks a token presented back to us (userInfo, the JSON API's access-token operations) the way
// Cognito does: signature, expiry, and server-side state that offline verifiers cannot see
// (revoked refresh-token families, global sign-out, deleted or disabled users)
// (https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html).
import { jose } from '../crypto/jose.js';
import type { Clock } from '../clock.js';
import { signedOutBefore, type AppClient, type User, type UserPool } from '../domain/model.js';
import type { Store } from '../store/store.js';
import type { Urls } from '../urls.js';
import type { Keys } from './keys.js';

export interface VerifiedToken {
  claims: Record<string, unknown>;
  pool: UserPool;
  client: AppClient | undefined;
  /** Undefined for client_credentials tokens. */
  user: User | undefined;
  scopes: string[];
}

export type TokenProblem = 'invalid' | 'expired' | 'revoked';

export interface TokenCheckDeps {
  store: Store;
  keys: Keys;
  urls: Urls;
  clock: Clock;
}

export async function verifyToken(token: string, use: 'access' | 'id', deps: TokenCheckDeps): Promise<VerifiedToken | TokenProblem> {
  if (token.length > 16384) return 'invalid';
  const { decodeJwt, jwtVerify } = await jose();
  let unverified: Record<string, unknown>;
  try {
    unverified = decodeJwt(token);
  } catch {
    return 'invalid';
  }
  const iss = typeof unverified.iss === 'string' ? unverified.iss : '';
  const poolId = iss.slice(iss.lastIndexOf('/') + 1);
  const pool = deps.store.getPool(poolId);
  const ring = pool ? deps.keys.get(poolId) : undefined;
  if (!pool || !ring || deps.urls.issuer(poolId) !== iss) return 'invalid';
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, use === 'access' ? ring.access.publicKey : ring.id.publicKey, {
      issuer: iss,
      algorithms: ['RS256'],
      currentDate: new Date(deps.clock.now()),
    }));
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid';
  }
  if (claims.token_use !== use) return 'invalid';
  const clientId = use === 'access' ? claims.client_id : claims.aud;
  const client = typeof clientId === 'string' ? deps.store.getClient(clientId) : undefined;
  if (typeof claims.origin_jti === 'string' && deps.store.isOriginRevoked(claims.origin_jti)) return 'revoked';
  const username = use === 'access' ? claims.username : claims['cognito:username'];
  let user: User | undefined;
  if (typeof username === 'string') {
    user = deps.store.getUser(pool.Id, username);
    if (!user?.Enabled || user.Attributes.sub !== claims.sub) return 'revoked';
    if (signedOutBefore(user, Number(claims.iat))) return 'revoked';
  }
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  return { claims, pool, client, user, scopes };
}
