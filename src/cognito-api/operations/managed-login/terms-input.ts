// What the terms operations read and check (TermsName, TermsId, Links per managed-login language),
// and the terms document they name, kept on the pool record by TermsId.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html
import type { TermsRecord, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { checkPattern, invalid, optionalStringMap, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';
import { recordIn, withRecord } from '../pool-records.js';

const TERMS_NAME = /^(terms-of-use|privacy-policy)$/;
const TERMS_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const LANGUAGES = 'default|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil';
const LINK_KEY = new RegExp(`^cognito:(${LANGUAGES}|chinese-(simplified|traditional))$`);
const LINK_VALUE = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

export const termsName = (input: Input) =>
  checkPattern('TermsName', requiredString(input, 'TermsName', 2048), TERMS_NAME, '^(terms-of-use|privacy-policy)$');
export const termsId = (input: Input) => checkPattern('TermsId', requiredString(input, 'TermsId', 2048), TERMS_ID, TERMS_ID.source);

export function links(input: Input, required: boolean): Record<string, string> | undefined {
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

export function termsOrThrow(pool: UserPool, id: string): TermsRecord {
  const terms = recordIn(pool.Terms, id);
  // Wording unconfirmed.
  if (!terms) throw new CognitoError('ResourceNotFoundException', `Terms ${id} do not exist.`);
  return terms;
}

export const withTerms = (pool: UserPool, terms: TermsRecord): UserPool => ({
  ...pool,
  Terms: withRecord(pool.Terms, terms.TermsId, terms),
});
