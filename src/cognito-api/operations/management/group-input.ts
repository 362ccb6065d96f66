// Group input and lookup (CreateGroup, GetGroup, UpdateGroup, membership, …).
import type { Group } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Store } from '../../../store/store.js';
import { checkPattern, invalid, optionalInteger, optionalString, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';

export const groupName = (input: Input): string =>
  checkPattern(
    'GroupName',
    requiredString(input, 'GroupName', 128),
    /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
    '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  );

/** The optional settings, only those present in the request. */
export function groupSettings(input: Input): Pick<Group, 'Description' | 'RoleArn' | 'Precedence'> {
  const Description = optionalString(input, 'Description', 2048);
  const arn = optionalString(input, 'RoleArn', 2048);
  const RoleArn =
    arn === undefined
      ? undefined
      : checkPattern(
          'RoleArn',
          arn,
          /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:[\w+=/,.@-]*:[0-9]+:[\w+=/,.@-]+(?::[\w+=/,.@-]+)?(?::[\w+=/,.@-]+)?$/,
          'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
        );
  if (RoleArn !== undefined && RoleArn.length < 20)
    throw invalid('RoleArn', RoleArn, 'Member must have length greater than or equal to 20');
  const Precedence = optionalInteger(input, 'Precedence', 0, 2147483647);
  return {
    ...(Description !== undefined ? { Description } : {}),
    ...(RoleArn !== undefined ? { RoleArn } : {}),
    ...(Precedence !== undefined ? { Precedence } : {}),
  };
}

export function groupOrThrow(store: Store, userPoolId: string, name: string): Group {
  const group = store.getGroup(userPoolId, name);
  if (!group) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
  return group;
}
