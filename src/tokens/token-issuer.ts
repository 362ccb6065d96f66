// Signs Cognito-shaped tokens. RS256 goes through node:crypto's callback form of sign(), which runs
// on libuv's thread pool, so signing stays off the event loop.
import { sign as rsaSign } from 'node:crypto';
import type { Clock } from '../clock.js';
import { epochSeconds } from '../clock.js';
import { newUuid } from '../domain/ids.js';
import { firstIatAfterSignOut, type AppClient, type User } from '../domain/model.js';
import type { Urls } from '../urls.js';
import { accessTokenClaims, clientCredentialsClaims, idTokenClaims, type Channel, type SessionFacts } from './claims.js';
import { customizeClaims } from '../domain/token-customization.js';
import { applyOverrides, type ClaimOverrides } from '../domain/claim-overrides.js';
import type { Store } from '../store/store.js';
import { startTokenSession, touchTokenSession, type SessionStore } from '../sessions/token-sessions.js';
import type { Keys, SigningKey } from './keys.js';
import { openRefreshToken, sealRefreshToken, type RefreshState } from './refresh-token.js';
import { accessTokenSeconds, idTokenSeconds, refreshTokenSeconds } from '../domain/token-validity.js';

/** The token endpoint's JSON, keys in the order of captured Cognito responses. */
export interface TokenSet {
  id_token?: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: 'Bearer';
}

export interface UserTokenRequest {
  client: AppClient;
  user: User;
  scopes: readonly string[];
  channel: Channel;
  /** Epoch seconds of the original sign-in; defaults to now. */
  authTime?: number;
  nonce?: string;
  /** Set when refreshing: the family and event of the original sign-in are kept. */
  originJti?: string;
  eventId?: string;
  withRefreshToken: boolean;
  /** Epoch seconds: a rotated refresh token ends when the one it replaces would have. */
  refreshExpiresAt?: number;
  /** A pre token generation trigger's changes, applied after the fixtures' TokenCustomization. */
  overrides?: ClaimOverrides | undefined;
  /** The device key for the access token's device_key claim (and kept in the refresh token). */
  deviceKey?: string | undefined;
  /** The caller's address, recorded on the token session (src/sessions/). */
  sourceIp?: string;
}

export class TokenIssuer {
  constructor(private readonly deps: { keys: Keys; urls: Urls; clock: Clock; store: Pick<Store, 'getPool'> & SessionStore }) {}

  private async ring(userPoolId: string) {
    const ring = this.deps.keys.get(userPoolId);
    if (!ring) throw new Error(`no keys loaded for pool ${userPoolId}`);
    return ring;
  }

  async userTokens(req: UserTokenRequest): Promise<TokenSet> {
    const poolId = req.client.UserPoolId;
    const ring = await this.ring(poolId);
    const iat = firstIatAfterSignOut(req.user, epochSeconds(this.deps.clock.now()));
    const facts: SessionFacts = {
      issuer: this.deps.urls.issuer(poolId),
      client: req.client,
      user: req.user,
      scopes: req.scopes,
      authTime: req.authTime ?? iat,
      iat,
      originJti: req.originJti ?? newUuid(),
      eventId: req.eventId ?? newUuid(),
      channel: req.channel,
      ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
      ...(req.deviceKey !== undefined ? { deviceKey: req.deviceKey } : {}),
    };
    const expiresIn = accessTokenSeconds(req.client);
    const layers = [this.deps.store.getPool(poolId)?.TokenCustomization, req.client.TokenCustomization, req.user.TokenCustomization];
    const custom = (claims: Record<string, unknown>, kind: 'IdToken' | 'AccessToken') =>
      applyOverrides(customizeClaims(claims, kind, layers, req.user.Attributes), kind, req.overrides);
    const accessToken = await sign(custom(accessTokenClaims(facts, expiresIn, newUuid()), 'AccessToken'), ring.access);
    // An ID token needs openid through the OAuth endpoints; the JSON API always returns one.
    const wantsId = req.channel === 'api' || req.scopes.includes('openid');
    const refreshState = req.withRefreshToken ? this.refreshState(facts, req.refreshExpiresAt) : undefined;
    const [idToken, refreshToken] = await Promise.all([
      wantsId ? sign(custom(idTokenClaims(facts, idTokenSeconds(req.client), newUuid(), accessToken), 'IdToken'), ring.id) : undefined,
      refreshState ? sealRefreshToken(refreshState, ring.refresh.publicKey) : undefined,
    ]);
    await this.trackSession(req, facts, refreshState);
    return {
      ...(idToken !== undefined ? { id_token: idToken } : {}),
      access_token: accessToken,
      ...(refreshToken !== undefined ? { refresh_token: refreshToken } : {}),
      expires_in: expiresIn,
      token_type: 'Bearer',
    };
  }

  /** A new refresh-token family starts a token session; a refresh moves its last activity. */
  private async trackSession(req: UserTokenRequest, facts: SessionFacts, refresh: RefreshState | undefined): Promise<void> {
    const sub = req.user.Attributes.sub;
    if (sub === undefined) return;
    const { store, clock } = this.deps;
    if (req.originJti !== undefined) return touchTokenSession(store, clock, req.client.UserPoolId, sub, req.originJti, req.sourceIp);
    if (!refresh) return;
    await startTokenSession(store, clock, {
      userPoolId: req.client.UserPoolId,
      sub,
      clientId: req.client.ClientId,
      originJti: facts.originJti,
      expiresAt: refresh.exp * 1000,
      issuedAt: facts.iat,
      ip: req.sourceIp,
    });
  }

  async clientCredentialsToken(client: AppClient, scopes: readonly string[], overrides?: ClaimOverrides): Promise<TokenSet> {
    const iat = epochSeconds(this.deps.clock.now());
    const expiresIn = accessTokenSeconds(client);
    const issuer = this.deps.urls.issuer(client.UserPoolId);
    const layers = [this.deps.store.getPool(client.UserPoolId)?.TokenCustomization, client.TokenCustomization];
    const claims = applyOverrides(
      customizeClaims(clientCredentialsClaims(issuer, client, scopes, iat, expiresIn, newUuid()), 'AccessToken', layers, {}),
      'AccessToken',
      overrides,
    );
    return { access_token: await sign(claims, (await this.ring(client.UserPoolId)).access), expires_in: expiresIn, token_type: 'Bearer' };
  }

  /** Decrypts a refresh token of the given pool; undefined when it is not one of ours. */
  async readRefreshToken(userPoolId: string, token: string): Promise<RefreshState | undefined> {
    const ring = this.deps.keys.get(userPoolId);
    if (!ring) return undefined;
    let state = ring.refresh.opened.get(token);
    if (!state) {
      state = await openRefreshToken(token, ring.refresh.privateKey);
      if (state) ring.refresh.opened.set(token, state);
    }
    return state?.pool === userPoolId ? state : undefined;
  }

  private refreshState(f: SessionFacts, expiresAt?: number): RefreshState {
    return {
      v: 1,
      pool: f.client.UserPoolId,
      client_id: f.client.ClientId,
      username: f.user.Username,
      sub: f.user.Attributes.sub ?? '',
      origin_jti: f.originJti,
      event_id: f.eventId,
      auth_time: f.authTime,
      scope: [...f.scopes],
      channel: f.channel,
      iat: f.iat,
      exp: expiresAt ?? f.iat + refreshTokenSeconds(f.client),
      jti: newUuid(),
      ...(f.deviceKey !== undefined ? { device_key: f.deviceKey } : {}),
    };
  }
}

/**
 * A compact JWS, header exactly {kid, alg}: kid first, no typ
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html). Byte for byte what
 * jose's CompactSign produced (RS256 is deterministic), for less CPU per token: one thread-pool job,
 * the header encoded once per key, none of WebCrypto's per-call key and buffer handling (bench/).
 */
function sign(claims: Record<string, unknown>, key: SigningKey): Promise<string> {
  const input = `${key.encodedHeader}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return new Promise((resolve, reject) => {
    rsaSign('sha256', Buffer.from(input, 'latin1'), key.privateKey, (err, signature) => {
      if (err) reject(err);
      else resolve(`${input}.${signature.toString('base64url')}`);
    });
  });
}
