// The limit a GetProvisionedLimit or UpdateProvisionedLimit request names (its LimitDefinition),
// in the caller's region (domain/provisioned-limits.ts).
import { FREE_LIMITS, isLimitCategory, limitKey } from '../../../domain/provisioned-limits.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { invalid, optionalEnum, optionalStringMap, requiredStructure } from '../../input.js';
import type { Input, OperationContext } from '../../operation.js';
import { requestRegion } from '../../region.js';

export interface Limit {
  key: string;
  category: string;
  free: number;
}

/** The limit a request's LimitDefinition names: class API_CATEGORY, attribute Category. */
export function limitOf(input: Input, ctx: OperationContext): Limit {
  const d = requiredStructure(input, 'LimitDefinition');
  if (optionalEnum(d, 'LimitDefinition.LimitClass', ['API_CATEGORY']) === undefined)
    throw invalid('LimitDefinition.LimitClass', undefined, 'Member must not be null');
  const attributes = optionalStringMap(d, 'LimitDefinition.Attributes');
  if (attributes === undefined) throw invalid('LimitDefinition.Attributes', undefined, 'Member must not be null');
  const category = attributes.Category;
  if (category === undefined || !isLimitCategory(category)) {
    // Wording unconfirmed.
    throw new CognitoError(
      'InvalidParameterException',
      `The limit definition must name a Category attribute, one of: ${Object.keys(FREE_LIMITS).join(', ')}.`,
    );
  }
  return { key: limitKey(requestRegion(ctx), category), category, free: FREE_LIMITS[category] as number };
}
