// Records → Cognito API shapes: epoch-second timestamps, [{Name, Value}] attribute lists.
import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { attributeList } from '../domain/attributes.js';
import type { User } from '../domain/model.js';
import type { Wire } from './operation.js';

export const seconds = (ms: number): number => ms / 1000;

/** UserType (ListUsers, AdminCreateUser): attributes under `Attributes`. */
export function userType(user: User, only?: readonly string[]): Wire<UserType> {
  const attributes = attributeList(user.Attributes).filter((a) => !only || only.includes(a.Name));
  return {
    Username: user.Username,
    Attributes: attributes,
    UserCreateDate: seconds(user.UserCreateDate),
    UserLastModifiedDate: seconds(user.UserLastModifiedDate),
    Enabled: user.Enabled,
    UserStatus: user.UserStatus,
  };
}
