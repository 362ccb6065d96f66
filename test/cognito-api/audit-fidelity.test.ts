// JSON API and token details where an outside audit found the emulator differing from Cognito, each
// through the real AWS SDK v3: `address` in ID tokens, disabled users and AdminResetUserPassword,
// ListUsers and `sub`, custom attributes and the pool schema, SchemaAttributes' order, verification
// before update, MFA fields, SECRET_HASH wording, millisecond timestamps, *_verified in any case and
// masked destinations.
import {
  AddCustomAttributesCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  ListUsersCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
  type SchemaAttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { POOL_ID } from '../helpers/fixtures/index.js';
import { decodePart } from '../helpers/flow.js';
import { startPoolsServer } from '../helpers/run-time-pools.js';
import { rejectsWith } from '../helpers/sdk.js';
import { messages } from '../helpers/users.js';
import { STANDARD_ATTRIBUTES } from '../helpers/standard-attributes.js';

const { server, sdk, makePool, signIn } = await startPoolsServer(t);
const SCHEMA_ERROR = 'Attributes did not conform to the schema: ';

async function confirmedUser(UserPoolId: string, Username: string, attributes: Record<string, string> = {}) {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username,
      MessageAction: 'SUPPRESS',
      TemporaryPassword: 'Passw0rd!',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: 'Passw0rd!', Permanent: true }));
}

const attrs = (list: Array<{ Name?: string; Value?: string }> | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.Name, a.Value]));

t.test('address is an object {"formatted": ...} in ID tokens', async (t) => {
  const { poolId, clientId } = await makePool();
  await confirmedUser(poolId, 'ada', { address: '1 Main St\nSpringfield', email: 'ada@example.com' });
  const id = decodePart((await signIn(clientId, 'ada')).AuthenticationResult!.IdToken!, 1);
  t.same(id.address, { formatted: '1 Main St\nSpringfield' });
  t.equal(id.email, 'ada@example.com', 'other attributes stay strings');
});

t.test('AdminResetUserPassword on a disabled user', async (t) => {
  const { poolId } = await makePool();
  await confirmedUser(poolId, 'ben', { email: 'ben@example.com', email_verified: 'true' });
  await sdk.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'ben' }));
  await rejectsWith(
    t,
    sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'ben' })),
    'NotAuthorizedException',
    'User is disabled.',
  );
});

t.test('ListUsers refuses sub in AttributesToGet', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, AttributesToGet: ['email', 'sub'] })),
    'InvalidParameterException',
    'Input fails to satisfy the constraints.',
  );
  await rejectsWith(
    t,
    sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, AttributesToGet: ['custom:nothing'] })),
    'InvalidParameterException',
    'One or more requested attributes do not exist: custom:nothing',
  );
  const out = await sdk.send(new ListUsersCommand({ UserPoolId: POOL_ID, AttributesToGet: ['custom:tier'], Filter: 'username = "alice"' }));
  t.same(out.Users?.[0]?.Attributes, [{ Name: 'custom:tier', Value: 'gold' }], "a fixture user's custom attribute is in the pool's schema");
});

const STANDARD_ORDER = STANDARD_ATTRIBUTES;

t.test("SchemaAttributes in Cognito's order, custom attributes after the standard ones", async (t) => {
  const { pool, poolId } = await makePool({
    Schema: [
      { Name: 'tenant', AttributeDataType: 'String', Mutable: false, StringAttributeConstraints: { MinLength: '1', MaxLength: '36' } },
      { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
      { Name: 'level', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '1', MaxValue: '10' } },
      { Name: 'secret', AttributeDataType: 'String', DeveloperOnlyAttribute: true },
    ],
  });
  t.same(
    pool.SchemaAttributes?.map((a) => a.Name),
    [...STANDARD_ORDER, 'custom:tenant', 'custom:level', 'dev:custom:secret'],
  );
  const byName = (name: string) => pool.SchemaAttributes?.find((a) => a.Name === name);
  t.same(byName('email'), {
    Name: 'email',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: true,
    StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
  });
  t.same(byName('custom:tenant'), {
    Name: 'custom:tenant',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: false,
    Required: false,
    StringAttributeConstraints: { MinLength: '1', MaxLength: '36' },
  });
  t.same(byName('dev:custom:secret')?.DeveloperOnlyAttribute, true);
  const plain = await makePool();
  t.same(
    plain.pool.SchemaAttributes?.map((a) => a.Name),
    STANDARD_ORDER,
  );
  const described = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  t.same(described.UserPool?.SchemaAttributes, pool.SchemaAttributes, 'DescribeUserPool lists the same');
});

t.test('custom attributes must exist in the pool schema', async (t) => {
  const { poolId, clientId } = await makePool({
    Schema: [
      { Name: 'tenant', AttributeDataType: 'String', Mutable: false },
      { Name: 'email', AttributeDataType: 'String', Required: true },
    ],
  });
  const undeclared = `${SCHEMA_ERROR}Type for attribute {custom:x} could not be determined`;
  await rejectsWith(
    t,
    sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'cy',
        UserAttributes: [
          { Name: 'email', Value: 'cy@example.com' },
          { Name: 'custom:x', Value: '1' },
        ],
      }),
    ),
    'InvalidParameterException',
    undeclared,
  );
  await rejectsWith(
    t,
    sdk.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'cy',
        Password: 'Passw0rd!',
        UserAttributes: [
          { Name: 'email', Value: 'cy@example.com' },
          { Name: 'custom:x', Value: '1' },
        ],
      }),
    ),
    'InvalidParameterException',
    undeclared,
  );
  await rejectsWith(
    t,
    sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'cy', Password: 'Passw0rd!' })),
    'InvalidParameterException',
    `${SCHEMA_ERROR}email: The attribute is required`,
  );
  await confirmedUser(poolId, 'cy', { email: 'cy@example.com', 'custom:tenant': 'acme' });
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'cy', UserAttributes: [{ Name: 'custom:x', Value: '1' }] }),
    ),
    'InvalidParameterException',
    undeclared,
  );
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'cy',
        UserAttributes: [{ Name: 'custom:tenant', Value: 'other' }],
      }),
    ),
    'InvalidParameterException',
    `${SCHEMA_ERROR}custom:tenant: Attribute cannot be updated. (changing an immutable attribute)`,
  );

  await sdk.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: [{ Name: 'x', AttributeDataType: 'String' }] }));
  await sdk.send(
    new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'cy', UserAttributes: [{ Name: 'custom:x', Value: '1' }] }),
  );
  t.equal(attrs((await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'cy' }))).UserAttributes)['custom:x'], '1');
  const names = (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.SchemaAttributes?.map((a) => a.Name);
  t.same(names?.slice(-2), ['custom:tenant', 'custom:x'], 'AddCustomAttributes appends');
  await rejectsWith(
    t,
    sdk.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: [{ Name: 'x', AttributeDataType: 'Number' }] })),
    'InvalidParameterException',
    'custom:x: Existing attribute already has name custom:x.',
  );
  // Fixture pools without a Schema declare what their users carry, and nothing more.
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: POOL_ID,
        Username: 'alice',
        UserAttributes: [{ Name: 'custom:other', Value: '1' }],
      }),
    ),
    'InvalidParameterException',
    `${SCHEMA_ERROR}Type for attribute {custom:other} could not be determined`,
  );
});

t.test('custom Schema entries are validated as Cognito validates them', async (t) => {
  const refused = (Schema: SchemaAttributeType[], message: string) =>
    rejectsWith(t, makePool({ Schema }), 'InvalidParameterException', message);
  await refused([{ Name: 'tier', AttributeDataType: 'String', Required: true }], 'Required custom attributes are not supported currently.');
  await refused(
    [{ Name: 'tier', AttributeDataType: 'Text' as 'String' }],
    "1 validation error detected: Value 'Text' at 'schema.1.member.attributeDataType' failed to satisfy constraint: Member must " +
      'satisfy enum value set: [String, Number, DateTime, Boolean]',
  );
  await refused([{ Name: 'tier' }], 'Invalid AttributeDataType input, consider using the provided AttributeDataType enum.');
  await refused(
    [{ Name: 'tier', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '10', MaxLength: '5' } }],
    'user.custom:tier: Max length cannot be less than min length.',
  );
  await refused(
    [{ Name: 'tier', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '4096' } }],
    'user.custom:tier: String attributes cannot have a length of more than 2048',
  );
  await refused(
    [{ Name: 'n', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '9', MaxValue: '1' } }],
    'user.custom:n: Max value cannot be less than min value.',
  );
  await refused(
    [{ Name: 'email', AttributeDataType: 'Number' }],
    'You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email',
  );
  await refused(
    [
      { Name: 'tier', AttributeDataType: 'String' },
      { Name: 'tier', AttributeDataType: 'Number' },
    ],
    'custom:tier: Existing attribute already has name custom:tier.',
  );
});

t.test('AttributesRequireVerificationBeforeUpdate: the old value stays, and signs in, until the new one is verified', async (t) => {
  await rejectsWith(
    t,
    makePool({ UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } }),
    'InvalidParameterException',
    'All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes',
  );
  const { poolId, clientId, pool } = await makePool({
    UsernameAttributes: ['email'],
    AutoVerifiedAttributes: ['email'],
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
  });
  t.same(pool.UserAttributeUpdateSettings, { AttributesRequireVerificationBeforeUpdate: ['email'] });
  await confirmedUser(poolId, 'old@example.com', { email_verified: 'true' });
  const access = (await signIn(clientId, 'old@example.com')).AuthenticationResult!.AccessToken!;
  const update = await sdk.send(
    new UpdateUserAttributesCommand({ AccessToken: access, UserAttributes: [{ Name: 'email', Value: 'new@example.com' }] }),
  );
  t.same(
    update.CodeDeliveryDetailsList,
    [{ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'n***@e***' }],
    'the code goes to the new address',
  );
  t.match(attrs((await sdk.send(new GetUserCommand({ AccessToken: access }))).UserAttributes), {
    email: 'old@example.com',
    email_verified: 'true',
  });
  t.ok((await signIn(clientId, 'old@example.com')).AuthenticationResult, 'the old address still signs in');
  await rejectsWith(t, signIn(clientId, 'new@example.com'), 'UserNotFoundException', 'User does not exist.');
  const sent = (await messages(server.url, { userPoolId: poolId })).at(-1);
  t.equal(sent?.destination, 'new@example.com');
  await sdk.send(new VerifyUserAttributeCommand({ AccessToken: access, AttributeName: 'email', Code: sent?.code }));
  t.match(attrs((await sdk.send(new GetUserCommand({ AccessToken: access }))).UserAttributes), {
    email: 'new@example.com',
    email_verified: 'true',
  });
  t.ok((await signIn(clientId, 'new@example.com')).AuthenticationResult, 'the new address signs in once verified');
  // An administrator who verifies the new value in the same call changes it at once.
  const user = (await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'new@example.com' }))).Username!;
  await sdk.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: poolId,
      Username: user,
      UserAttributes: [
        { Name: 'email', Value: 'third@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  t.ok((await signIn(clientId, 'third@example.com')).AuthenticationResult);
});

t.test('AdminGetUser / GetUser leave MFA fields out for users without MFA', async (t) => {
  const { poolId, clientId } = await makePool();
  await confirmedUser(poolId, 'dan');
  const admin = await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dan' }));
  t.equal(admin.MFAOptions, undefined);
  t.equal(admin.UserMFASettingList, undefined);
  const self = await sdk.send(new GetUserCommand({ AccessToken: (await signIn(clientId, 'dan')).AuthenticationResult!.AccessToken! }));
  t.equal(self.MFAOptions, undefined);
  t.equal(self.UserMFASettingList, undefined);
});

t.test("SECRET_HASH missing: Cognito's current wording", async (t) => {
  const { clientId } = await makePool({}, true);
  await rejectsWith(
    t,
    signIn(clientId, 'anyone'),
    'NotAuthorizedException',
    `Client ${clientId} is configured with secret but SECRET_HASH was not received`,
  );
});

t.test('timestamps keep their milliseconds', async (t) => {
  const { poolId } = await makePool();
  const realNow = server.clock.now.bind(server.clock);
  server.clock.now = () => 1548099495428;
  try {
    await confirmedUser(poolId, 'eve');
  } finally {
    server.clock.now = realNow;
  }
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' },
    body: JSON.stringify({ UserPoolId: poolId, Username: 'eve' }),
  });
  t.equal(((await res.json()) as { UserCreateDate: number }).UserCreateDate, 1548099495.428, 'on the wire: epoch seconds with a fraction');
  const out = await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'eve' }));
  t.equal(out.UserCreateDate?.getTime(), 1548099495428, 'the SDK reads the milliseconds');
});

t.test('email_verified / phone_number_verified: true and false in any case', async (t) => {
  const { poolId } = await makePool();
  await confirmedUser(poolId, 'fay', {
    email: 'fay@example.com',
    email_verified: 'True',
    phone_number: '+15555550111',
    phone_number_verified: 'FALSE',
  });
  t.match(attrs((await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'fay' }))).UserAttributes), {
    email_verified: 'true',
    phone_number_verified: 'false',
  });
  await sdk.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: poolId,
      Username: 'fay',
      UserAttributes: [{ Name: 'email_verified', Value: 'fAlSe' }],
    }),
  );
  t.match(attrs((await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'fay' }))).UserAttributes), {
    email_verified: 'false',
  });
  await rejectsWith(
    t,
    sdk.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'fay',
        UserAttributes: [{ Name: 'email_verified', Value: 'yes' }],
      }),
    ),
    'InvalidParameterException',
    `${SCHEMA_ERROR}email_verified: Attribute value must be true or false.`,
  );
});

t.test('masked destinations drop the top-level domain', async (t) => {
  const { clientId } = await makePool({ AutoVerifiedAttributes: ['email'] });
  const out = await sdk.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: 'tess',
      Password: 'Passw0rd!',
      UserAttributes: [{ Name: 'email', Value: 'tess@test.co.uk' }],
    }),
  );
  t.same(out.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 't***@t***' });
});
