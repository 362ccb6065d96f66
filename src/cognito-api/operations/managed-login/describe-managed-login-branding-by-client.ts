// DescribeManagedLoginBrandingByClient: the style of an app client.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeManagedLoginBrandingByClient.html
import type { DescribeManagedLoginBrandingByClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { noMerge } from './branding-input.js';
import { brandingType } from './branding-type.js';

export const describeManagedLoginBrandingByClient: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const clientId = requiredString(input, 'ClientId', 128);
    noMerge(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    clientOrThrow(store, clientId, pool.Id);
    const found = Object.values(pool.ManagedLoginBrandings ?? {}).find((b) => b.ClientId === clientId);
    // Wording unconfirmed.
    if (!found) throw new CognitoError('ResourceNotFoundException', `No managed login branding style exists for client ${clientId}.`);
    return { ManagedLoginBranding: brandingType(pool, found) } satisfies Wire<DescribeManagedLoginBrandingByClientResponse>;
  };
