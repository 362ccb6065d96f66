// Terms documents (CreateTerms, DescribeTerms, DescribeTermsByClient, ListTerms, UpdateTerms,
// DeleteTerms): links to an app client's terms of use and privacy policy, per managed-login
// language (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TermsType.html).
// Kept on the pool record by TermsId; stored and returned (the emulator's pages do not show them).
import type {
  CreateTermsResponse,
  DescribeTermsByClientResponse,
  DescribeTermsResponse,
  ListTermsResponse,
  TermsType,
  UpdateTermsResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { newUuid } from '../../../domain/ids.js';
import type { TermsRecord, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { checkPattern, invalid, optionalEnum, optionalInteger, optionalString, optionalStringMap, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { paginate } from '../../pagination.js';
import { recordIn, withRecord, withoutRecord } from '../pool-records.js';

const TERMS_NAME = /^(terms-of-use|privacy-policy)$/;
const TERMS_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const LANGUAGES = 'default|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil';
const LINK_KEY = new RegExp(`^cognito:(${LANGUAGES}|chinese-(simplified|traditional))$`);
const LINK_VALUE = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

const termsName = (input: Input) =>
  checkPattern('TermsName', requiredString(input, 'TermsName', 2048), TERMS_NAME, '^(terms-of-use|privacy-policy)$');
const termsId = (input: Input) => checkPattern('TermsId', requiredString(input, 'TermsId', 2048), TERMS_ID, TERMS_ID.source);

function links(input: Input, required: boolean): Record<string, string> | undefined {
  const map = optionalStringMap(input, 'Links');
  if (map === undefined) {
    if (required) throw invalid('Links', undefined, 'Member must not be null');
    return undefined;
  }
  if (Object.keys(map).length > 12) throw invalid('Links', map, 'Member must have length less than or equal to 12');
  for (const [key, value] of Object.entries(map)) {
    if (!LINK_KEY.test(key))
      throw invalid('Links', key, `Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ${LINK_KEY.source}]`);
    if (value.length < 1 || value.length > 1024 || !LINK_VALUE.test(value)) {
      throw invalid(
        'Links',
        value,
        'Map value must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than ' +
          'or equal to 1, Member must satisfy regular expression pattern: ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$]',
      );
    }
  }
  return map;
}

function termsOrThrow(pool: UserPool, id: string): TermsRecord {
  const terms = recordIn(pool.Terms, id);
  // Wording unconfirmed.
  if (!terms) throw new CognitoError('ResourceNotFoundException', `Terms ${id} do not exist.`);
  return terms;
}

const withTerms = (pool: UserPool, terms: TermsRecord): UserPool => ({ ...pool, Terms: withRecord(pool.Terms, terms.TermsId, terms) });

const termsType = (t: TermsRecord): Wire<TermsType> => ({
  TermsId: t.TermsId,
  UserPoolId: t.UserPoolId,
  ClientId: t.ClientId,
  TermsName: t.TermsName,
  TermsSource: t.TermsSource,
  Enforcement: t.Enforcement,
  Links: t.Links,
  CreationDate: seconds(t.CreationDate),
  LastModifiedDate: seconds(t.LastModifiedDate),
});

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

export const describeTerms: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const id = termsId(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return { Terms: termsType(termsOrThrow(pool, id)) } satisfies Wire<DescribeTermsResponse>;
  };

export const describeTermsByClient: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const clientId = requiredString(input, 'ClientId', 128);
    const name = termsName(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    clientOrThrow(store, clientId, pool.Id);
    const terms = Object.values(pool.Terms ?? {}).find((t) => t.ClientId === clientId && t.TermsName === name);
    // Wording unconfirmed.
    if (!terms) throw new CognitoError('ResourceNotFoundException', `Terms ${name} do not exist for client ${clientId}.`);
    return { Terms: termsType(terms) } satisfies Wire<DescribeTermsByClientResponse>;
  };

export const listTerms: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const limit = optionalInteger(input, 'MaxResults', 1, 60) ?? 60;
    const page = paginate(Object.values(pool.Terms ?? {}), (t) => t.TermsId, limit, optionalString(input, 'NextToken', 131072));
    return {
      Terms: page.items.map((t) => ({
        TermsId: t.TermsId,
        TermsName: t.TermsName,
        Enforcement: t.Enforcement,
        CreationDate: seconds(t.CreationDate),
        LastModifiedDate: seconds(t.LastModifiedDate),
      })),
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    } satisfies Wire<ListTermsResponse>;
  };

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

export const deleteTerms: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const id = termsId(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    termsOrThrow(pool, id);
    await store.putPool({ ...pool, Terms: withoutRecord(pool.Terms, id) });
    return {};
  };
