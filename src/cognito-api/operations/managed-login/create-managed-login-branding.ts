// CreateManagedLoginBranding: one style per app client, its Settings document and image Assets kept
// as given. Stored and returned: the emulator's pages do not render them.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html
import type { CreateManagedLoginBrandingResponse } from '@aws-sdk/client-cognito-identity-provider';
import { newUuid } from '../../../domain/ids.js';
import type { ManagedLoginBranding } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalBoolean, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { assets, checkDefaults, settings, withBranding } from './branding-input.js';
import { brandingType } from './branding-type.js';

export const createManagedLoginBranding: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const userPoolId = requiredString(input, 'UserPoolId', 55);
    const clientId = requiredString(input, 'ClientId', 128);
    const useDefaults = optionalBoolean(input, 'UseCognitoProvidedValues');
    const given = settings(input);
    const givenAssets = assets(input);
    checkDefaults(useDefaults, given, givenAssets);
    const pool = poolOrThrow(store, userPoolId);
    clientOrThrow(store, clientId, pool.Id);
    if (Object.values(pool.ManagedLoginBrandings ?? {}).some((b) => b.ClientId === clientId)) {
      // Wording unconfirmed: one style per app client.
      throw new CognitoError(
        'ManagedLoginBrandingExistsException',
        `A managed login branding style already exists for client ${clientId}.`,
      );
    }
    const now = clock.now();
    const branding: ManagedLoginBranding = {
      ManagedLoginBrandingId: newUuid(),
      ClientId: clientId,
      UseCognitoProvidedValues: useDefaults ?? given === undefined,
      ...(given !== undefined ? { Settings: given } : {}),
      Assets: givenAssets ?? [],
      CreationDate: now,
      LastModifiedDate: now,
    };
    await store.putPool(withBranding(pool, branding));
    return { ManagedLoginBranding: brandingType(pool, branding) } satisfies Wire<CreateManagedLoginBrandingResponse>;
  };
