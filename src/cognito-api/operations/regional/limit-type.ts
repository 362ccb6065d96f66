// LimitType: a limit's provisioned rate (the free one until raised) as GetProvisionedLimit and
// UpdateProvisionedLimit answer it.
import type { GetProvisionedLimitResponse, UpdateProvisionedLimitResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Store } from '../../../store/store.js';
import type { Wire } from '../../operation.js';
import type { Limit } from './limit-definition-input.js';

/** GetProvisionedLimit's and UpdateProvisionedLimit's answer (LimitType). */
export const limitType = (store: Store, limit: Limit): Wire<GetProvisionedLimitResponse & UpdateProvisionedLimitResponse> => ({
  Limit: {
    LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: limit.category } },
    ProvisionedLimitValue: store.getProvisionedLimit(limit.key) ?? limit.free,
    FreeLimitValue: limit.free,
  },
});
