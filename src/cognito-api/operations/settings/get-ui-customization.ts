// GetUICustomization: the classic hosted pages' CSS and logo in force for an app client or the pool
// (ui-customization-type.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUICustomization.html
import type { GetUICustomizationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { scopeOf } from './scoped.js';
import { uiCustomizationType } from './ui-customization-type.js';

export const getUICustomization: Operation<'store' | 'urls'> =
  ({ store, urls }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const scope = scopeOf(store, pool, input);
    return { UICustomization: uiCustomizationType(urls, pool, scope) } satisfies Wire<GetUICustomizationResponse>;
  };
