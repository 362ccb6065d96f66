/** `base` with these query (or fragment) parameters added, in this order. */
export function withParams(base: string, params: ReadonlyArray<readonly [string, string]>, where: '?' | '#' = '?'): string {
  const encoded = new URLSearchParams(params as Array<[string, string]>).toString();
  if (where === '#') return `${base}#${encoded}`;
  return encoded === '' ? base : `${base}${base.includes('?') ? '&' : '?'}${encoded}`;
}
