// Provisioned API rates and user-pool replicas through the real AWS SDK: Get/UpdateProvisionedLimit
// per region with Cognito's default quotas, Create/List/Update/DeleteUserPoolReplica, and Cognito's
// refusals.
import {
  CreateUserPoolReplicaCommand,
  DeleteUserPoolReplicaCommand,
  GetProvisionedLimitCommand,
  ListUserPoolReplicasCommand,
  UpdateProvisionedLimitCommand,
  UpdateUserPoolReplicaCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { POOL_ID } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const { url } = await testEmulator(t, { listen: true });
const sdk = sdkClient(url);
const west = sdkClient(url, 'eu-west-1');
t.teardown(() => {
  sdk.destroy();
  west.destroy();
});
const auth = { LimitClass: 'API_CATEGORY' as const, Attributes: { Category: 'UserAuthentication' } };
const ARN = (region: string) => `arn:aws:cognito-idp:${region}:000000000000:userpool/${POOL_ID}`;

t.test('provisioned limits: the free rate until raised, per region', async (t) => {
  const before = (await sdk.send(new GetProvisionedLimitCommand({ LimitDefinition: auth }))).Limit;
  t.same(before, { LimitDefinition: auth, ProvisionedLimitValue: 120, FreeLimitValue: 120 });
  const raised = (await sdk.send(new UpdateProvisionedLimitCommand({ LimitDefinition: auth, RequestedLimitValue: 200 }))).Limit;
  t.same(raised, { LimitDefinition: auth, ProvisionedLimitValue: 200, FreeLimitValue: 120 });
  t.equal((await sdk.send(new GetProvisionedLimitCommand({ LimitDefinition: auth }))).Limit?.ProvisionedLimitValue, 200, 'read back');
  t.equal(
    (await west.send(new GetProvisionedLimitCommand({ LimitDefinition: auth }))).Limit?.ProvisionedLimitValue,
    120,
    'another region keeps its own',
  );
  const creation = (
    await sdk.send(
      new GetProvisionedLimitCommand({ LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: 'UserCreation' } } }),
    )
  ).Limit;
  t.equal(creation?.FreeLimitValue, 50);

  await rejectsWith(
    t,
    sdk.send(new UpdateProvisionedLimitCommand({ LimitDefinition: auth, RequestedLimitValue: 100 })),
    'InvalidParameterException',
    'RequestedLimitValue must be at least the default limit of 120 for category UserAuthentication.',
  );
  await rejectsWith(
    t,
    sdk.send(new GetProvisionedLimitCommand({ LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: 'Nothing' } } })),
    'InvalidParameterException',
    'The limit definition must name a Category attribute, one of: UserAuthentication, UserCreation, UserFederation, ' +
      'UserAccountRecovery, UserRead, UserUpdate, UserResourceRead, UserResourceUpdate, UserList, UserPoolRead, UserPoolUpdate, ' +
      'UserPoolResourceRead, UserPoolResourceUpdate, ClientAuthentication.',
  );
  const raw = await fetch(url, {
    method: 'POST',
    body: JSON.stringify({ LimitDefinition: { LimitClass: 'OTHER', Attributes: {} } }),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetProvisionedLimit' },
  });
  t.same(await raw.json(), {
    __type: 'InvalidParameterException',
    message:
      "1 validation error detected: Value 'OTHER' at 'limitDefinition.limitClass' failed to satisfy constraint: Member must satisfy " +
      'enum value set: [API_CATEGORY]',
  });
});

t.test('replicas: created, listed, activated, deactivated, deleted', async (t) => {
  const created = (
    await sdk.send(new CreateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'eu-west-1', UserPoolTags: { team: 'a' } }))
  ).UserPoolReplica;
  t.same(created, { RegionName: 'eu-west-1', Status: 'CREATING', Role: 'SECONDARY', UserPoolArn: ARN('eu-west-1') });
  await sdk.send(new CreateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'ap-northeast-1' }));
  const listed = (await sdk.send(new ListUserPoolReplicasCommand({ UserPoolId: POOL_ID }))).UserPoolReplicas;
  t.same(
    listed,
    [
      { RegionName: 'us-east-1', Status: 'ACTIVE', Role: 'PRIMARY', UserPoolArn: ARN('us-east-1') },
      { RegionName: 'ap-northeast-1', Status: 'INACTIVE', Role: 'SECONDARY', UserPoolArn: ARN('ap-northeast-1') },
      { RegionName: 'eu-west-1', Status: 'INACTIVE', Role: 'SECONDARY', UserPoolArn: ARN('eu-west-1') },
    ],
    'the primary first; creation has finished',
  );

  const active = (await west.send(new UpdateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'eu-west-1', Status: 'ACTIVE' })))
    .UserPoolReplica;
  t.equal(active?.Status, 'ACTIVE', 'updated from the replica region');
  await rejectsWith(
    t,
    sdk.send(new DeleteUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'eu-west-1' })),
    'InvalidParameterException',
    'The replica in eu-west-1 must be INACTIVE to be deleted.',
  );
  await sdk.send(new UpdateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'eu-west-1', Status: 'INACTIVE' }));
  await rejectsWith(
    t,
    west.send(new DeleteUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'eu-west-1' })),
    'InvalidParameterException',
    `Replicas of user pool ${POOL_ID} are deleted from its primary region, us-east-1.`,
  );
  const deleted = (await sdk.send(new DeleteUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'eu-west-1' }))).UserPoolReplica;
  t.same(deleted, { RegionName: 'eu-west-1', Status: 'DELETING', Role: 'SECONDARY', UserPoolArn: ARN('eu-west-1') });
  t.same(
    (await sdk.send(new ListUserPoolReplicasCommand({ UserPoolId: POOL_ID }))).UserPoolReplicas?.map((r) => r.RegionName),
    ['us-east-1', 'ap-northeast-1'],
  );
});

t.test('replicas: Cognito refuses', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'us-east-1' })),
    'InvalidParameterException',
    `User pool ${POOL_ID} is already in us-east-1.`,
  );
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'ap-northeast-1' })),
    'InvalidParameterException',
    `User pool ${POOL_ID} already has a replica in ap-northeast-1.`,
  );
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'mars-base-1' })),
    'InvalidParameterException',
    'mars-base-1 is not a valid AWS Region.',
  );
  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'sa-east-1', Status: 'ACTIVE' })),
    'ResourceNotFoundException',
    `User pool ${POOL_ID} has no replica in sa-east-1.`,
  );
  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'us-east-1', Status: 'INACTIVE' })),
    'InvalidParameterException',
    `us-east-1 is the primary region of user pool ${POOL_ID}.`,
  );
  await rejectsWith(
    t,
    sdk.send(new ListUserPoolReplicasCommand({ UserPoolId: 'us-east-1_Missing000' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Missing000 does not exist.',
  );
  const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolReplicaCommand({ UserPoolId: POOL_ID, RegionName: 'sa-east-1', UserPoolTags: tags })),
    'UserPoolTaggingException',
    'A user pool can have at most 50 tags.',
  );
});
