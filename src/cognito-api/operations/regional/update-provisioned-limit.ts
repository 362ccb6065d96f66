// UpdateProvisionedLimit: raises the account's API rate of one category in the caller's region
// (domain/provisioned-limits.ts); a rate below the free one is refused. Recorded and returned; the
// emulator throttles nothing, and the account's Service Quotas maximum is not known here, so no
// upper bound is checked
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateProvisionedLimit.html).
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredInteger } from '../../input.js';
import type { Operation } from '../../operation.js';
import { limitOf } from './limit-definition-input.js';
import { limitType } from './limit-type.js';

export const updateProvisionedLimit: Operation<'store'> =
  ({ store }) =>
  async (input, ctx) => {
    const limit = limitOf(input, ctx);
    const requested = requiredInteger(input, 'RequestedLimitValue', 0, Number.MAX_SAFE_INTEGER);
    if (requested < limit.free) {
      // "The value must be between the default limit and your account-level maximum"; wording unconfirmed.
      throw new CognitoError(
        'InvalidParameterException',
        `RequestedLimitValue must be at least the default limit of ${limit.free} for category ${limit.category}.`,
      );
    }
    await store.putProvisionedLimit(limit.key, requested);
    return limitType(store, limit);
  };
