// Query parameters: reading one as a single string, and adding them to a URL.

/** A parsed query string or form body. */
export type Query = Record<string, unknown>;

const MAX_PARAM = 4096;

/**
 * A single string parameter; oversized parameters, and one repeated with different values, are
 * malformed (RFC 6749 §3.1). The same value repeated counts once: oidc-client-ts's signoutRedirect()
 * sends client_id twice when it has no stored user, and Cognito signs it out.
 */
export function param(query: Query, name: string): string | undefined | null {
  const given = query[name];
  if (given === undefined) return undefined;
  const value = Array.isArray(given) && given.length > 0 && given.every((v) => v === given[0]) ? (given[0] as unknown) : given;
  if (typeof value !== 'string' || value.length > MAX_PARAM) return null;
  return value;
}

/** `base` with these query (or fragment) parameters added, in this order. */
export function withParams(base: string, params: ReadonlyArray<readonly [string, string]>, where: '?' | '#' = '?'): string {
  const encoded = new URLSearchParams(params as Array<[string, string]>).toString();
  if (where === '#') return `${base}#${encoded}`;
  return encoded === '' ? base : `${base}${base.includes('?') ? '&' : '?'}${encoded}`;
}
