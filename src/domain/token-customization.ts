// Claim customisation without Lambdas (README, Claim customisation): what a pre-token-generation trigger (v2) would
// return, declared in the fixture per pool, per client and per user (applied in that order, later
// layers win). String values may name user attributes, e.g. "${custom:tenant}", for
// attribute-driven claims. The claims a trigger may not touch cannot be touched here either.

export interface TokenClaimChanges {
  ClaimsToAddOrOverride?: Record<string, unknown>;
  ClaimsToSuppress?: string[];
}

export interface TokenCustomization {
  IdToken?: TokenClaimChanges;
  AccessToken?: TokenClaimChanges;
}

/**
 * Claims Cognito's pre-token-generation trigger cannot add, override or suppress (AWS developer
 * guide, "Pre token generation Lambda trigger"), plus the ones the emulator derives itself from
 * the sign-in (scope, client_id, username, version, event_id, at_hash); `cognito:*` too.
 */
const PROTECTED = new Set([
  'acr',
  'amr',
  'aud',
  'auth_time',
  'azp',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'sub',
  'token_use',
  'at_hash',
  'event_id',
  'client_id',
  'username',
  'scope',
  'version',
  'device_key',
]);

export function protectedClaimProblem(name: string): string | undefined {
  if (PROTECTED.has(name) || name.startsWith('cognito:'))
    return `claim "${name}" cannot be added, overridden or suppressed (as with Cognito's pre-token-generation trigger)`;
  return undefined;
}

const PLACEHOLDER = /\$\{([\w:.-]+)\}/g;

/** "${custom:tenant}" → the user's attribute (empty when the user has none). */
function fill(value: unknown, attributes: Record<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(PLACEHOLDER, (_m, name: string) => (Object.hasOwn(attributes, name) ? attributes[name]! : ''));
  if (Array.isArray(value)) return value.map((v) => fill(v, attributes));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, attributes)]));
  }
  return value;
}

export function customizeClaims(
  claims: Record<string, unknown>,
  kind: 'IdToken' | 'AccessToken',
  layers: ReadonlyArray<TokenCustomization | undefined>,
  attributes: Record<string, string>,
): Record<string, unknown> {
  let out = claims;
  for (const layer of layers) {
    const changes = layer?.[kind];
    if (!changes) continue;
    out = { ...out };
    for (const [name, value] of Object.entries(changes.ClaimsToAddOrOverride ?? {})) {
      if (!protectedClaimProblem(name))
        Object.defineProperty(out, name, { value: fill(value, attributes), enumerable: true, writable: true, configurable: true });
    }
    for (const name of changes.ClaimsToSuppress ?? []) if (!protectedClaimProblem(name)) delete out[name];
  }
  return out;
}
