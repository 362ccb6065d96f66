// DescribeManagedLoginBranding: a style by its id.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeManagedLoginBranding.html
import type { DescribeManagedLoginBrandingResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { brandingId, brandingOrThrow, noMerge } from './branding-input.js';
import { brandingType } from './branding-type.js';

export const describeManagedLoginBranding: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const id = brandingId(input);
    noMerge(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return { ManagedLoginBranding: brandingType(pool, brandingOrThrow(pool, id)) } satisfies Wire<DescribeManagedLoginBrandingResponse>;
  };
