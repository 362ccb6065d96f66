// LambdaConfig on pools: CreateUserPool / UpdateUserPool / DescribeUserPool / ListUserPools keep
// Cognito's shape; the rules between members; fixtures; the LAMBDA_ENDPOINT setting.
import {
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { planSeed } from '../../src/fixtures/seed.js';
import { lambdaFunctionFiles } from '../../src/fixtures/lambda-functions.js';
import { parseFixture } from '../../src/fixtures/load.js';
import { rejectsWith, reuseTestKeys } from '../helpers/sdk.js';
import { ARN, KMS_KEY, startTriggerServer, triggerFixture } from '../helpers/triggers.js';
import { POOL_ID } from '../helpers/fixtures/index.js';

const server = await startTriggerServer(t, { fixture: triggerFixture({ PreSignUp: ARN('pre') }) });
reuseTestKeys(server.deps);
const { sdk } = server;

const FULL = {
  PreSignUp: ARN('pre'),
  CustomMessage: ARN('msg'),
  PostConfirmation: ARN('post'),
  PreAuthentication: ARN('preauth'),
  PostAuthentication: ARN('postauth'),
  DefineAuthChallenge: ARN('define'),
  CreateAuthChallenge: ARN('create'),
  VerifyAuthChallengeResponse: ARN('verify'),
  UserMigration: ARN('migrate'),
  PreTokenGenerationConfig: { LambdaVersion: 'V2_0' as const, LambdaArn: ARN('ptg') },
  CustomSMSSender: { LambdaVersion: 'V1_0' as const, LambdaArn: ARN('sms') },
  CustomEmailSender: { LambdaVersion: 'V1_0' as const, LambdaArn: ARN('email') },
  KMSKeyID: KMS_KEY,
};

t.test('CreateUserPool / DescribeUserPool / UpdateUserPool / ListUserPools', async (t) => {
  const created = await sdk.send(new CreateUserPoolCommand({ PoolName: 'with-triggers', LambdaConfig: FULL }));
  const id = created.UserPool?.Id ?? '';
  const expected = { ...FULL, PreTokenGeneration: ARN('ptg') };
  t.same(created.UserPool?.LambdaConfig, expected, 'PreTokenGeneration filled from PreTokenGenerationConfig');
  t.same((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool?.LambdaConfig, expected);
  const listed = (await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.find((p) => p.Id === id);
  t.same(listed?.LambdaConfig, expected);

  await sdk.send(new UpdateUserPoolCommand({ UserPoolId: id, LambdaConfig: { PreTokenGeneration: ARN('legacy') } }));
  t.same(
    (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool?.LambdaConfig,
    { PreTokenGeneration: ARN('legacy'), PreTokenGenerationConfig: { LambdaVersion: 'V1_0', LambdaArn: ARN('legacy') } },
    'legacy key alone: V1_0',
  );
  await sdk.send(new UpdateUserPoolCommand({ UserPoolId: id }));
  t.same(
    (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool?.LambdaConfig,
    {},
    'omitted on update: triggers removed',
  );
  t.same(
    (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: POOL_ID }))).UserPool?.LambdaConfig,
    { PreSignUp: ARN('pre') },
    'from the fixture',
  );
});

t.test('refused LambdaConfig', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new CreateUserPoolCommand({ PoolName: 'bad', LambdaConfig: { PreSignUp: 'not-an-arn-at-all-really' } })),
    'InvalidParameterException',
    "1 validation error detected: Value 'not-an-arn-at-all-really' at 'lambdaConfig.preSignUp' failed to satisfy constraint: Member " +
      'must satisfy regular expression pattern: ' +
      'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'bad',
        LambdaConfig: { PreTokenGeneration: ARN('a'), PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: ARN('b') } },
      }),
    ),
    'InvalidParameterException',
    'The PreTokenGeneration and PreTokenGenerationConfig.LambdaArn values must be the same.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'bad',
        LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V9_0' as 'V1_0', LambdaArn: ARN('b') } },
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value 'V9_0' at 'lambdaConfig.preTokenGenerationConfig.lambdaVersion' failed to satisfy " +
      'constraint: Member must satisfy enum value set: [V1_0, V2_0, V3_0]',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'bad',
        LambdaConfig: { CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: ARN('e') } },
      }),
    ),
    'InvalidParameterException',
    'A KMSKeyID is required when a custom sender Lambda trigger is configured.',
  );
});

t.test('fixtures: schema, rules between members, LambdaFunctions paths', async (t) => {
  t.throws(
    () => parseFixture('f.json', JSON.stringify(triggerFixture({ PreSignUp: 'arn:aws:lambda:nope-nope-nope' } as never))),
    /LambdaConfig\.PreSignUp: must match pattern/,
  );
  t.throws(
    () => parseFixture('f.json', JSON.stringify(triggerFixture({ Unknown: ARN('x') } as never))),
    /LambdaConfig\.Unknown: unknown field/,
  );
  const mismatch = parseFixture(
    'f.json',
    JSON.stringify(
      triggerFixture({ PreTokenGeneration: ARN('a'), PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: ARN('b') } }),
    ),
  );
  t.throws(
    () => planSeed([mismatch], server.deps.store, Date.now()),
    /f\.json: \$\.UserPools\[0\]: The PreTokenGeneration and PreTokenGenerationConfig\.LambdaArn values must be the same\./,
  );
  const missing = parseFixture('f.json', JSON.stringify({ UserPools: [], LambdaFunctions: { pre: './no-such-file.mjs' } }));
  t.throws(() => lambdaFunctionFiles([missing]), /\$\.LambdaFunctions\["pre"\]: .*no-such-file\.mjs not found/);
});

t.test('LAMBDA_ENDPOINT / --lambda-endpoint', async (t) => {
  t.equal(loadConfig([], { LAMBDA_ENDPOINT: 'http://127.0.0.1:3001' }).lambdaEndpoint, 'http://127.0.0.1:3001');
  t.equal(loadConfig(['--lambda-endpoint', 'http://localhost:4566'], {}).lambdaEndpoint, 'http://localhost:4566');
  t.equal(loadConfig([], {}).lambdaEndpoint, undefined);
  t.throws(
    () => loadConfig([], { LAMBDA_ENDPOINT: 'not a url' }),
    /LAMBDA_ENDPOINT \/ --lambda-endpoint: "not a url" is not an absolute URL/,
  );
});
