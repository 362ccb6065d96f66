// jose (the refresh tokens' JWE, checking JWTs presented back to us, upstream OIDC ID tokens) is
// imported on first use, as the X.509 library is (x509.ts): no token is sealed or checked before
// the first sign-in or API call, and a static import would make every start read it.
export type Jose = typeof import('jose');

let library: Promise<Jose> | undefined;

export function jose(): Promise<Jose> {
  library ??= import('jose');
  return library;
}
