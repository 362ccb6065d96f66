// Requests of operations (and members) newer than Debian's late-2022 cognito-idp model, in the
// model's own format, as AWS's API reference documents them: lengths, patterns, enums, ranges and
// required members. Members reuse the model's shapes where the reference names the same type.
// compile-input-constraints.mjs adds them to the model (never over what the model itself has), so
// the JSON API checks these requests as it checks the others.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddUserPoolClientSecret.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetClientToken.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolSessionConfiguration.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateProvisionedLimit.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolReplica.html

const ref = (shape) => ({ shape });
const poolAndClient = { UserPoolId: ref('UserPoolIdType'), ClientId: ref('ClientIdType') };

const SHAPES = {
  // A client secret chosen by the caller: 24-64 characters (the model of late 2022 allowed 1-64).
  ChosenClientSecretType: { type: 'string', min: 24, max: 64, pattern: '[\\w+]+', sensitive: true },
  ClientSecretIdType: { type: 'string', min: 1, max: 128 },
  RegionNameType: { type: 'string', min: 5, max: 32 },
  UserSessionTrackingType: { type: 'string', enum: ['ENABLED', 'DISABLED'] },
  UpdateReplicaStatusType: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
  LimitClass: { type: 'string', enum: ['API_CATEGORY'] },
  LimitAttributesType: { type: 'map', key: ref('StringType'), value: ref('StringType') },
  MaxPerUserType: { type: 'integer', min: 1, max: 100 },
  MaxValidityMinutesType: { type: 'integer', min: 0, max: 129600 },
  ProvisionedLimitValueType: { type: 'integer' },
  UserPoolTokenSessionConfigType: { type: 'structure', required: ['MaxPerUser'], members: { MaxPerUser: ref('MaxPerUserType') } },
  ClientSSOSessionConfigType: {
    type: 'structure',
    required: ['MaxValidityMinutes'],
    members: { MaxValidityMinutes: ref('MaxValidityMinutesType') },
  },
  LimitDefinitionType: {
    type: 'structure',
    required: ['LimitClass', 'Attributes'],
    members: { LimitClass: ref('LimitClass'), Attributes: ref('LimitAttributesType') },
  },

  AddUserPoolClientSecretRequest: {
    type: 'structure',
    required: ['UserPoolId', 'ClientId'],
    members: { ...poolAndClient, ClientSecret: ref('ChosenClientSecretType') },
  },
  ListUserPoolClientSecretsRequest: {
    type: 'structure',
    required: ['UserPoolId', 'ClientId'],
    members: { ...poolAndClient, NextToken: ref('PaginationKey') },
  },
  DeleteUserPoolClientSecretRequest: {
    type: 'structure',
    required: ['UserPoolId', 'ClientId', 'ClientSecretId'],
    members: { ...poolAndClient, ClientSecretId: ref('ClientSecretIdType') },
  },
  GetClientTokenRequest: {
    type: 'structure',
    required: ['ClientId', 'Secret'],
    members: {
      ClientId: ref('ClientIdType'),
      Secret: ref('ChosenClientSecretType'),
      Scopes: ref('ScopeListType'),
      ClientMetadata: ref('ClientMetadataType'),
    },
  },
  GetUserPoolSessionConfigurationRequest: { type: 'structure', required: ['UserPoolId'], members: { UserPoolId: ref('UserPoolIdType') } },
  SetUserPoolSessionConfigurationRequest: {
    type: 'structure',
    required: ['UserPoolId', 'UserSessionTracking', 'TokenSession'],
    members: {
      UserPoolId: ref('UserPoolIdType'),
      UserSessionTracking: ref('UserSessionTrackingType'),
      TokenSession: ref('UserPoolTokenSessionConfigType'),
    },
  },
  GetUserPoolClientSessionConfigurationRequest: { type: 'structure', required: ['UserPoolId', 'ClientId'], members: { ...poolAndClient } },
  SetUserPoolClientSessionConfigurationRequest: {
    type: 'structure',
    required: ['UserPoolId', 'ClientId', 'SSOSession'],
    members: { ...poolAndClient, SSOSession: ref('ClientSSOSessionConfigType') },
  },
  GetProvisionedLimitRequest: {
    type: 'structure',
    required: ['LimitDefinition'],
    members: { LimitDefinition: ref('LimitDefinitionType') },
  },
  UpdateProvisionedLimitRequest: {
    type: 'structure',
    required: ['LimitDefinition', 'RequestedLimitValue'],
    members: { LimitDefinition: ref('LimitDefinitionType'), RequestedLimitValue: ref('ProvisionedLimitValueType') },
  },
  CreateUserPoolReplicaRequest: {
    type: 'structure',
    required: ['UserPoolId', 'RegionName'],
    members: { UserPoolId: ref('UserPoolIdType'), RegionName: ref('RegionNameType'), UserPoolTags: ref('UserPoolTagsType') },
  },
  ListUserPoolReplicasRequest: {
    type: 'structure',
    required: ['UserPoolId'],
    members: { UserPoolId: ref('UserPoolIdType'), NextToken: ref('PaginationKey') },
  },
  UpdateUserPoolReplicaRequest: {
    type: 'structure',
    required: ['UserPoolId', 'RegionName', 'Status'],
    members: { UserPoolId: ref('UserPoolIdType'), RegionName: ref('RegionNameType'), Status: ref('UpdateReplicaStatusType') },
  },
  DeleteUserPoolReplicaRequest: {
    type: 'structure',
    required: ['UserPoolId', 'RegionName'],
    members: { UserPoolId: ref('UserPoolIdType'), RegionName: ref('RegionNameType') },
  },
};

const OPERATIONS = [
  'AddUserPoolClientSecret',
  'ListUserPoolClientSecrets',
  'DeleteUserPoolClientSecret',
  'GetClientToken',
  'GetUserPoolSessionConfiguration',
  'SetUserPoolSessionConfiguration',
  'GetUserPoolClientSessionConfiguration',
  'SetUserPoolClientSessionConfiguration',
  'GetProvisionedLimit',
  'UpdateProvisionedLimit',
  'CreateUserPoolReplica',
  'ListUserPoolReplicas',
  'UpdateUserPoolReplica',
  'DeleteUserPoolReplica',
];

/** Members newer than the model on requests it has: CreateUserPoolClient takes a chosen secret since 2025. */
const MEMBERS = { CreateUserPoolClientRequest: { ClientSecret: ref('ChosenClientSecretType') } };

/** `model` with the newer operations, shapes and members it lacks (the model's own always win). */
export function withNewerOperations(model) {
  const shapes = { ...SHAPES, ...model.shapes };
  for (const [shape, members] of Object.entries(MEMBERS)) {
    const s = shapes[shape];
    if (s) shapes[shape] = { ...s, members: { ...members, ...s.members } };
  }
  const operations = { ...model.operations };
  for (const op of OPERATIONS) operations[op] ??= { name: op, input: ref(`${op}Request`) };
  return { ...model, shapes, operations };
}
