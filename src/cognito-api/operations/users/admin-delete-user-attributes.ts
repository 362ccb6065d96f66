// AdminDeleteUserAttributes: removes attributes by name. sub, and the attribute a pool with
// UsernameAttributes signs users in with, cannot be removed (wording unconfirmed; README).
import type { AdminDeleteUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalStringList, requireMember } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { inPoolSchema } from '../../../users/attribute-rules.js';
import { saveUser } from '../../../users/user-records.js';

export const adminDeleteUserAttributes: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { pool, user } = namedUser(deps.store, input);
  requireMember(input, 'UserAttributeNames');
  const names = optionalStringList(input, 'UserAttributeNames') ?? [];
  const attributes = { ...user.Attributes };
  for (const name of names) {
    if (!inPoolSchema(pool, name)) {
      throw new CognitoError(
        'InvalidParameterException',
        `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`,
      );
    }
    if (name === 'sub' || pool.UsernameAttributes.includes(name)) {
      throw new CognitoError('InvalidParameterException', `Cannot delete attribute ${name}: it is required to identify the user.`);
    }
    delete attributes[name];
    // Without the contact detail its verified flag means nothing.
    if (name === 'email' || name === 'phone_number') delete attributes[`${name}_verified`];
  }
  await saveUser(deps, user, { Attributes: attributes });
  return {} satisfies Wire<AdminDeleteUserAttributesResponse>;
};
