// Tables of records kept on a pool record (terms, branding styles, import jobs, per-client
// settings), keyed by ids that come from requests: only own properties are read, and writes
// define plain properties, so `__proto__` or `constructor` as an id is just a key.

export function recordIn<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A copy of the table with `key` set to `value`. */
export function withRecord<T>(table: Record<string, T> | undefined, key: string, value: T): Record<string, T> {
  const next = { ...table };
  Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  return next;
}

/** A copy of the table without `key`. */
export function withoutRecord<T>(table: Record<string, T> | undefined, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(table ?? {}).filter(([k]) => k !== key));
}
