// Cognito's adjustable API rate quotas: per account and region, one rate (requests per second) per
// category of user-pool operations. The free rate of each category is its default quota
// (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html); a provisioned rate can
// only be raised above it (UpdateProvisionedLimit). The emulator records the rates; it throttles nothing.

/** Default (free) quota of each category, in requests per second. */
export const FREE_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  UserAuthentication: 120,
  UserCreation: 50,
  UserFederation: 25,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserUpdate: 25,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserList: 30,
  UserPoolRead: 15,
  UserPoolUpdate: 15,
  UserPoolResourceRead: 20,
  UserPoolResourceUpdate: 15,
  ClientAuthentication: 150,
});

export const isLimitCategory = (category: string): boolean => Object.hasOwn(FREE_LIMITS, category);

/** The store key of a category's provisioned rate in a region. */
export const limitKey = (region: string, category: string): string => `${region}/${category}`;
