// GetProvisionedLimit / UpdateProvisionedLimit: the account's API rate of one category in the
// caller's region (domain/provisioned-limits.ts). Until raised, the provisioned rate is the free one;
// a rate below the free one is refused. Recorded and returned; the emulator throttles nothing, and
// the account's Service Quotas maximum is not known here, so no upper bound is checked
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateProvisionedLimit.html).
import type { GetProvisionedLimitResponse, UpdateProvisionedLimitResponse } from '@aws-sdk/client-cognito-identity-provider';
import { FREE_LIMITS, isLimitCategory, limitKey } from '../../../domain/provisioned-limits.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { invalid, optionalEnum, optionalStringMap, requiredInteger, requiredStructure } from '../../input.js';
import type { Input, Operation, OperationContext, Wire } from '../../operation.js';
import type { Store } from '../../../store/store.js';
import { requestRegion } from '../management/common.js';

interface Limit {
  key: string;
  category: string;
  free: number;
}

/** The limit a request's LimitDefinition names: class API_CATEGORY, attribute Category. */
function limitOf(input: Input, ctx: OperationContext): Limit {
  const d = requiredStructure(input, 'LimitDefinition');
  if (optionalEnum(d, 'LimitDefinition.LimitClass', ['API_CATEGORY']) === undefined)
    throw invalid('LimitDefinition.LimitClass', undefined, 'Member must not be null');
  const attributes = optionalStringMap(d, 'LimitDefinition.Attributes');
  if (attributes === undefined) throw invalid('LimitDefinition.Attributes', undefined, 'Member must not be null');
  const category = attributes.Category;
  if (category === undefined || !isLimitCategory(category)) {
    // Wording unconfirmed.
    throw new CognitoError(
      'InvalidParameterException',
      `The limit definition must name a Category attribute, one of: ${Object.keys(FREE_LIMITS).join(', ')}.`,
    );
  }
  return { key: limitKey(requestRegion(ctx), category), category, free: FREE_LIMITS[category] as number };
}

/** GetProvisionedLimit's and UpdateProvisionedLimit's answer (LimitType). */
const limitType = (store: Store, limit: Limit): Wire<GetProvisionedLimitResponse & UpdateProvisionedLimitResponse> => ({
  Limit: {
    LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: limit.category } },
    ProvisionedLimitValue: store.getProvisionedLimit(limit.key) ?? limit.free,
    FreeLimitValue: limit.free,
  },
});

export const getProvisionedLimit: Operation<'store'> =
  ({ store }) =>
  async (input, ctx) =>
    limitType(store, limitOf(input, ctx));

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
