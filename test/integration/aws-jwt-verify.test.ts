// aws-jwt-verify (AWS's own verifier) accepting the emulator's tokens
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).
// AWS issuer mode: CognitoJwtVerifier derives issuer and JWKS URL from the pool id, so the JWKS is
// loaded from the emulator with cacheJwks() and a fetcher that refuses to run proves AWS is never
// contacted. Local issuer mode: JwtRsaVerifier fetches the JWKS from the emulator on 127.0.0.1.
import t, { type Test } from 'tap';
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidScopeError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import type { CognitoJwtVerifierProperties, CognitoVerifyProperties } from 'aws-jwt-verify/cognito-verifier';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache, type Jwks } from 'aws-jwt-verify/jwk';
import { AWS_ISSUER } from '../../src/config.js';
import { testEmulator } from '../helpers/harness.js';
import {
  API,
  CALLBACK,
  M2M_CLIENT,
  M2M_SECRET,
  PASSWORD,
  POOL_ID,
  PUBLIC_CLIENT,
  SECRET,
  SECRET_CLIENT,
} from '../helpers/fixtures/index.js';
import { hostedLogin } from '../helpers/hosted-login.js';

const AWS_ISS = `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`;

interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token: string;
}

/** Signs alice in through the hosted page and redeems the code at the token endpoint. */
async function codeFlowTokens(url: string, clientId: string, scope: string, secret?: string): Promise<TokenSet> {
  const authorize = new URL('/oauth2/authorize', url);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CALLBACK,
    scope,
    state: 's1',
  }).toString();
  const { location } = await hostedLogin(authorize, 'alice', PASSWORD);
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location.href}`);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (secret !== undefined) headers.authorization = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CALLBACK });
  if (secret === undefined) body.set('client_id', clientId);
  const res = await fetch(new URL('/oauth2/token', url), { method: 'POST', headers, body });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as TokenSet;
}

/**
 * The promise must reject with an instance of `kind` (aws-jwt-verify's errors all report name
 * "Error", which tap's class matching trips over, so instanceof is checked directly).
 */
async function rejectsWith(t: Test, promise: Promise<unknown>, kind: abstract new (...args: never[]) => Error, message?: string) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(err instanceof kind, `${message ?? 'rejects'}: ${kind.name} (got ${err === undefined ? 'success' : String(err)})`);
}

/** A fetcher that records every URI and refuses anything but the emulator on the loopback. */
function loopbackOnlyFetcher(calls: string[]): Fetcher {
  return {
    fetch: async (uri) => {
      calls.push(uri);
      const target = new URL(uri);
      if (target.hostname !== 'localhost' && target.hostname !== '127.0.0.1')
        throw new FetchError(uri, 'refused: not the loopback emulator');
      const res = await fetch(target);
      if (res.status !== 200) throw new FetchError(uri, `status ${res.status}`);
      return res.arrayBuffer();
    },
  };
}

t.test('AWS issuer mode: CognitoJwtVerifier with the JWKS cached from the emulator', async (t) => {
  const server = await testEmulator(t, { listen: true, config: { issuerUrl: AWS_ISSUER } });
  const jwks = (await (await fetch(`${server.url}/${POOL_ID}/.well-known/jwks.json`)).json()) as Jwks;
  t.equal(jwks.keys.length, 2, 'one key for ID tokens, one for access tokens');
  const aliceSub = server.deps.store.getUser(POOL_ID, 'alice')?.Attributes.sub;

  const calls: string[] = [];
  const verifier = <T extends CognitoJwtVerifierProperties & CognitoVerifyProperties>(props: T) => {
    const v = CognitoJwtVerifier.create<T>(props, { jwksCache: new SimpleJwksCache({ fetcher: loopbackOnlyFetcher(calls) }) });
    v.cacheJwks(jwks);
    return v;
  };

  const tokens = await codeFlowTokens(server.url, PUBLIC_CLIENT, 'openid email profile');

  t.test('ID token', async (t) => {
    const payload = await verifier({ userPoolId: POOL_ID, tokenUse: 'id', clientId: PUBLIC_CLIENT }).verify(tokens.id_token);
    t.equal(payload.iss, AWS_ISS);
    t.equal(payload.aud, PUBLIC_CLIENT);
    t.equal(payload.token_use, 'id');
    t.equal(payload.sub, aliceSub);
    t.equal(payload['cognito:username'], 'alice');
    t.equal(payload.email, 'alice@example.com');
  });

  t.test('access token', async (t) => {
    const payload = await verifier({ userPoolId: POOL_ID, tokenUse: 'access', clientId: PUBLIC_CLIENT, scope: 'email' }).verify(
      tokens.access_token,
    );
    t.equal(payload.iss, AWS_ISS);
    t.equal(payload.client_id, PUBLIC_CLIENT);
    t.equal(payload.token_use, 'access');
    t.equal(payload.username, 'alice');
    t.equal(payload.scope, 'openid email profile');
    t.equal(payload.version, 2);
  });

  t.test('group checks', async (t) => {
    const ok = await verifier({ userPoolId: POOL_ID, tokenUse: 'access', clientId: PUBLIC_CLIENT, groups: 'admins' }).verify(
      tokens.access_token,
    );
    t.strictSame(ok['cognito:groups'], ['admins', 'readers']);
    const alsoOk = await verifier({ userPoolId: POOL_ID, tokenUse: 'id', clientId: PUBLIC_CLIENT, groups: ['nope', 'readers'] }).verify(
      tokens.id_token,
    );
    t.equal(alsoOk['cognito:username'], 'alice');
    await rejectsWith(
      t,
      verifier({ userPoolId: POOL_ID, tokenUse: 'access', clientId: PUBLIC_CLIENT, groups: 'superusers' }).verify(tokens.access_token),
      CognitoJwtInvalidGroupError,
    );
  });

  t.test('negative cases', async (t) => {
    await rejectsWith(
      t,
      verifier({ userPoolId: POOL_ID, tokenUse: 'id', clientId: SECRET_CLIENT }).verify(tokens.id_token),
      CognitoJwtInvalidClientIdError,
      'wrong client id for an ID token (aud)',
    );
    await rejectsWith(
      t,
      verifier({ userPoolId: POOL_ID, tokenUse: 'access', clientId: SECRET_CLIENT }).verify(tokens.access_token),
      CognitoJwtInvalidClientIdError,
      'wrong client id for an access token (client_id)',
    );
    await rejectsWith(
      t,
      verifier({ userPoolId: POOL_ID, tokenUse: 'id', clientId: PUBLIC_CLIENT }).verify(tokens.access_token),
      CognitoJwtInvalidTokenUseError,
      'an access token is not an ID token',
    );
    await rejectsWith(
      t,
      verifier({ userPoolId: POOL_ID, tokenUse: 'access', clientId: PUBLIC_CLIENT, scope: `${API}/write` }).verify(tokens.access_token),
      JwtInvalidScopeError,
      'a scope that was not granted',
    );
    await rejectsWith(
      t,
      verifier({ userPoolId: 'us-east-1_OtherPool', tokenUse: 'id', clientId: PUBLIC_CLIENT }).verify(tokens.id_token),
      ParameterValidationError,
      'a token from a pool the verifier is not configured for',
    );
  });

  t.test('confidential client tokens (Basic auth at the token endpoint)', async (t) => {
    const own = await codeFlowTokens(server.url, SECRET_CLIENT, `openid ${API}/read`, SECRET);
    const payload = await verifier({ userPoolId: POOL_ID, tokenUse: 'access', clientId: SECRET_CLIENT, scope: `${API}/read` }).verify(
      own.access_token,
    );
    t.equal(payload.exp - payload.iat, 30 * 60);
    const id = await verifier({ userPoolId: POOL_ID, tokenUse: 'id', clientId: SECRET_CLIENT }).verify(own.id_token);
    t.equal(id.exp - id.iat, 45 * 60);
  });

  t.test('client_credentials access token', async (t) => {
    const res = await fetch(`${server.url}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${M2M_CLIENT}:${M2M_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: `${API}/read` }),
    });
    t.equal(res.status, 200);
    const { access_token } = (await res.json()) as { access_token: string };
    const payload = await verifier({ userPoolId: POOL_ID, tokenUse: 'access', clientId: M2M_CLIENT, scope: `${API}/read` }).verify(
      access_token,
    );
    t.equal(payload.sub, M2M_CLIENT);
    t.equal(payload.username, undefined);
  });

  t.test('every key came from cacheJwks(): nothing tried to reach cognito-idp.amazonaws.com', async (t) => {
    t.strictSame(calls, [], 'no JWKS fetch was attempted');
  });
});

t.test('local issuer mode: JwtRsaVerifier fetching the JWKS from the emulator', async (t) => {
  const server = await testEmulator(t, { listen: true });
  const issuer = `${server.url}/${POOL_ID}`;
  const jwksUri = `${server.url}/${POOL_ID}/.well-known/jwks.json`;
  const tokens = await codeFlowTokens(server.url, PUBLIC_CLIENT, 'openid email');

  // aws-jwt-verify's default fetcher uses node:https only, so an http:// jwksUri needs a fetcher
  // that speaks http; this one only talks to the loopback.
  const calls: string[] = [];
  const jwksCache = new SimpleJwksCache({ fetcher: loopbackOnlyFetcher(calls) });

  const idVerifier = JwtRsaVerifier.create({ issuer, audience: PUBLIC_CLIENT, jwksUri }, { jwksCache });
  const id = await idVerifier.verify(tokens.id_token);
  t.equal(id.iss, issuer);
  t.equal(id.aud, PUBLIC_CLIENT);
  t.equal(id.token_use, 'id');
  t.strictSame(calls, [jwksUri], 'the JWKS was fetched once, from the emulator');

  // Access tokens carry no aud (client_id instead): audience null, client checked via a custom check.
  const accessVerifier = JwtRsaVerifier.create(
    {
      issuer,
      audience: null,
      jwksUri,
      scope: 'email',
      customJwtCheck: ({ payload }) => {
        if (payload.client_id !== PUBLIC_CLIENT) throw new Error('wrong client_id');
      },
    },
    { jwksCache },
  );
  const access = await accessVerifier.verify(tokens.access_token);
  t.equal(access.token_use, 'access');
  t.equal(access.client_id, PUBLIC_CLIENT);
  t.strictSame(calls, [jwksUri], 'the second verifier reused the cached JWKS');

  await rejectsWith(
    t,
    JwtRsaVerifier.create({ issuer, audience: SECRET_CLIENT, jwksUri }, { jwksCache }).verify(tokens.id_token),
    JwtInvalidAudienceError,
  );
  await rejectsWith(
    t,
    JwtRsaVerifier.create({ issuer: AWS_ISS, audience: PUBLIC_CLIENT, jwksUri }, { jwksCache }).verify(tokens.id_token),
    JwtInvalidIssuerError,
    'local-mode tokens do not claim the AWS issuer',
  );
});
