// Removing attributes by name, shared by AdminDeleteUserAttributes and DeleteUserAttributes.
// sub, and the attribute a pool with UsernameAttributes signs users in with, cannot be removed
// (wording unconfirmed; README).
import type { Deps } from '../../../deps.js';
import type { User, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalStringList } from '../../input.js';
import type { Input } from '../../operation.js';
import { checkAttributeNames, requireMember } from './attribute-rules.js';
import { saveUser } from './user-records.js';

/** The required UserAttributeNames list, checked against the schema. */
export function attributeNamesToDelete(input: Input): string[] {
  requireMember(input, 'UserAttributeNames');
  const names = optionalStringList(input, 'UserAttributeNames') ?? [];
  for (const name of names) {
    if (name === 'sub') throw new CognitoError('InvalidParameterException', `Cannot delete attribute ${name}: it is required to identify the user.`);
  }
  checkAttributeNames(names);
  return names;
}

export async function deleteAttributes(deps: Deps, pool: UserPool, user: User, names: readonly string[]): Promise<void> {
  const attributes = { ...user.Attributes };
  for (const name of names) {
    if (pool.UsernameAttributes.includes(name)) {
      throw new CognitoError('InvalidParameterException', `Cannot delete attribute ${name}: it is required to identify the user.`);
    }
    delete attributes[name];
    // Without the contact detail its verified flag means nothing.
    if (name === 'email' || name === 'phone_number') delete attributes[`${name}_verified`];
  }
  await saveUser(deps, user, { Attributes: attributes });
}
