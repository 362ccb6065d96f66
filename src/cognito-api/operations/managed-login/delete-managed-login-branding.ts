// DeleteManagedLoginBranding.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteManagedLoginBranding.html
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { withoutRecord } from '../pool-records.js';
import { brandingId, brandingOrThrow } from './branding-input.js';

export const deleteManagedLoginBranding: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const id = brandingId(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    brandingOrThrow(pool, id);
    await store.putPool({ ...pool, ManagedLoginBrandings: withoutRecord(pool.ManagedLoginBrandings, id) });
    return {};
  };
