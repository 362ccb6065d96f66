// DeleteTerms.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteTerms.html
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { withoutRecord } from '../pool-records.js';
import { termsId, termsOrThrow } from './terms-input.js';

export const deleteTerms: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const id = termsId(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    termsOrThrow(pool, id);
    await store.putPool({ ...pool, Terms: withoutRecord(pool.Terms, id) });
    return {};
  };
