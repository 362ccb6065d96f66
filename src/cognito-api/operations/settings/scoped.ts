// Settings Cognito keeps per app client or pool-wide (risk configuration, UI customization): the
// pool-wide one is stored under 'ALL', and a client without its own falls back to it.
import type { PoolScopedSetting, UserPool } from '../../../domain/model.js';
import type { Store } from '../../../store/store.js';
import { optionalString } from '../../input.js';
import { clientOrThrow } from '../../lookup.js';
import type { Input } from '../../operation.js';
import { POOL_WIDE } from '../../../domain/ui-customization.js';
import { recordIn, withRecord } from '../pool-records.js';

export { POOL_WIDE };

/** The scope a request names: its ClientId (which must be a client of the pool), else 'ALL'. */
export function scopeOf(store: Store, pool: UserPool, input: Input): string {
  const clientId = optionalString(input, 'ClientId', 128);
  if (clientId === undefined || clientId === POOL_WIDE) return POOL_WIDE;
  return clientOrThrow(store, clientId, pool.Id).ClientId;
}

/** The setting in force for a scope: the client's own, else the pool-wide one. */
export function settingFor(
  settings: Record<string, PoolScopedSetting> | undefined,
  scope: string,
): [string, PoolScopedSetting] | undefined {
  const own = recordIn(settings, scope);
  if (own) return [scope, own];
  const wide = recordIn(settings, POOL_WIDE);
  return wide ? [POOL_WIDE, wide] : undefined;
}

/** The settings with `scope` set to `settings` (creation date kept across updates). */
export function withSetting(
  all: Record<string, PoolScopedSetting> | undefined,
  scope: string,
  settings: Record<string, unknown>,
  now: number,
): Record<string, PoolScopedSetting> {
  const previous = recordIn(all, scope);
  return withRecord(all, scope, { Settings: settings, CreationDate: previous?.CreationDate ?? now, LastModifiedDate: now });
}

/** The members of `value` that the model names (anything else a caller sent is not kept). */
export function known(value: unknown, members: readonly string[]): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(members.filter((m) => record[m] !== undefined && record[m] !== null).map((m) => [m, record[m]]));
}
