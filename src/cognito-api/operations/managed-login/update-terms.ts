// UpdateTerms: the members given replace the stored ones; a new TermsName must stay unique per client.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateTerms.html
import type { UpdateTermsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { TermsRecord } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalEnum, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { links, termsId, termsName, termsOrThrow, withTerms } from './terms-input.js';
import { termsType } from './terms-type.js';

export const updateTerms: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const id = termsId(input);
    const name = input.TermsName === undefined || input.TermsName === null ? undefined : termsName(input);
    const source = optionalEnum(input, 'TermsSource', ['LINK']);
    const enforcement = optionalEnum(input, 'Enforcement', ['NONE']);
    const given = links(input, false);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const terms = termsOrThrow(pool, id);
    if (
      name !== undefined &&
      name !== terms.TermsName &&
      Object.values(pool.Terms ?? {}).some((t) => t.ClientId === terms.ClientId && t.TermsName === name)
    ) {
      throw new CognitoError('TermsExistsException', `Terms ${name} already exist for client ${terms.ClientId}.`);
    }
    const updated: TermsRecord = {
      ...terms,
      ...(name !== undefined ? { TermsName: name } : {}),
      ...(source !== undefined ? { TermsSource: source } : {}),
      ...(enforcement !== undefined ? { Enforcement: enforcement } : {}),
      ...(given !== undefined ? { Links: given } : {}),
      LastModifiedDate: clock.now(),
    };
    await store.putPool(withTerms(pool, updated));
    return { Terms: termsType(updated) } satisfies Wire<UpdateTermsResponse>;
  };
