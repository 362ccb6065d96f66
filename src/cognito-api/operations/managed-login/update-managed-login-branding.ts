// UpdateManagedLoginBranding: Settings and Assets given replace the stored ones (an asset per category
// and colour mode); UseCognitoProvidedValues=true resets to Cognito's default style.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateManagedLoginBranding.html
import type { UpdateManagedLoginBrandingResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { ManagedLoginBranding } from '../../../domain/model.js';
import { optionalBoolean, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { assets, brandingId, brandingOrThrow, checkDefaults, mergeAssets, settings, withBranding } from './branding-input.js';
import { brandingType } from './branding-type.js';

export const updateManagedLoginBranding: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const id = brandingId(input);
    const useDefaults = optionalBoolean(input, 'UseCognitoProvidedValues');
    const given = settings(input);
    const givenAssets = assets(input);
    checkDefaults(useDefaults, given, givenAssets);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const branding = brandingOrThrow(pool, id);
    // Settings and assets not given are kept, as Cognito documents; true resets to the default style.
    const updated: ManagedLoginBranding =
      useDefaults === true
        ? {
            ManagedLoginBrandingId: id,
            ClientId: branding.ClientId,
            UseCognitoProvidedValues: true,
            Assets: [],
            CreationDate: branding.CreationDate,
            LastModifiedDate: clock.now(),
          }
        : {
            ...branding,
            ...(given !== undefined ? { Settings: given, UseCognitoProvidedValues: false } : {}),
            ...(givenAssets !== undefined ? { Assets: mergeAssets(branding.Assets, givenAssets) } : {}),
            LastModifiedDate: clock.now(),
          };
    await store.putPool(withBranding(pool, updated));
    return { ManagedLoginBranding: brandingType(pool, updated) } satisfies Wire<UpdateManagedLoginBrandingResponse>;
  };
