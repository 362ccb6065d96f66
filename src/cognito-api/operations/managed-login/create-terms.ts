// CreateTerms: links to an app client's terms of use or privacy policy, one document of each kind per
// client. Stored and returned: the emulator's pages do not show them.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html
import type { CreateTermsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { newUuid } from '../../../domain/ids.js';
import type { TermsRecord } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { invalid, optionalEnum, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { links, termsName, withTerms } from './terms-input.js';
import { termsType } from './terms-type.js';

export const createTerms: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const userPoolId = requiredString(input, 'UserPoolId', 55);
    const clientId = requiredString(input, 'ClientId', 128);
    const name = termsName(input);
    const source = optionalEnum(input, 'TermsSource', ['LINK']);
    const enforcement = optionalEnum(input, 'Enforcement', ['NONE']);
    if (source === undefined) throw invalid('TermsSource', undefined, 'Member must not be null');
    if (enforcement === undefined) throw invalid('Enforcement', undefined, 'Member must not be null');
    const given = links(input, false) ?? {};
    const pool = poolOrThrow(store, userPoolId);
    clientOrThrow(store, clientId, pool.Id);
    if (Object.values(pool.Terms ?? {}).some((t) => t.ClientId === clientId && t.TermsName === name)) {
      // Wording unconfirmed: one document of each kind per app client.
      throw new CognitoError('TermsExistsException', `Terms ${name} already exist for client ${clientId}.`);
    }
    const now = clock.now();
    const terms: TermsRecord = {
      TermsId: newUuid(),
      UserPoolId: pool.Id,
      ClientId: clientId,
      TermsName: name,
      TermsSource: source,
      Enforcement: enforcement,
      Links: given,
      CreationDate: now,
      LastModifiedDate: now,
    };
    await store.putPool(withTerms(pool, terms));
    return { Terms: termsType(terms) } satisfies Wire<CreateTermsResponse>;
  };
