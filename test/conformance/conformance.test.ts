// Conformance with AWS's published service model for cognito-idp (Debian's python3-botocore):
// 1. every implemented operation is called with valid input through the real AWS SDK v3; each
//    request and each answer is checked against the model's shapes (member names, types, required
//    members, enums, patterns, lengths), and every error name against the errors the model
//    declares for that operation;
// 2. every top-level input constraint of those operations is broken one at a time (raw JSON) and
//    must be refused the way Cognito refuses it;
// 3. the model's operations are listed as implemented or not (the README's operations table).
// Under CI=true a missing model fails the test; elsewhere the test is skipped with the reason.
import { Readable } from 'node:stream';
import * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { OPERATIONS } from '../../src/cognito-api/operations/index.js';
import { reuseTestKeys, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { lastCode } from '../helpers/users.js';
import { mutations } from './mutations.js';
import { SCENARIO, TEARDOWN, type ScenarioContext, type Step } from './scenario.js';
import { checkSdkOperation } from './sdk-schema.js';
import { checkShape } from './shape-check.js';
import { declaredErrors, loadServiceModel, type ServiceModel } from './service-model.js';

interface Exchange {
  op: string;
  label: string;
  request: Record<string, unknown>;
  status: number;
  body: Record<string, unknown>;
}

const model = loadServiceModel();
if (!model) {
  const reason = "AWS service model not found: install Debian's python3-botocore (.ci/run does)";
  if (process.env.CI === 'true') t.fail(reason);
  else t.test('conformance with the AWS service model', { skip: reason }, () => {});
} else {
  await conformance(model);
}

async function conformance(model: ServiceModel): Promise<void> {
  t.comment(`model: ${model.source} (API ${model.metadata.apiVersion}, ${Object.keys(model.operations).length} operations)`);
  const { url, deps } = await testEmulator(t, { listen: true });
  reuseTestKeys(deps);
  const sdk = sdkClient(url);
  t.teardown(() => sdk.destroy());
  const exchanges: Exchange[] = [];
  let label = '';
  // The raw answer, read where the SDK's deserializer would, so the check sees the exact JSON.
  sdk.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const response = result.response as { statusCode: number; body: Readable };
      const chunks: Buffer[] = [];
      for await (const chunk of response.body) chunks.push(Buffer.from(chunk as Uint8Array));
      const raw = Buffer.concat(chunks);
      const request = (args.request as { body?: string }).body;
      exchanges.push({
        op: String(context.commandName).replace(/Command$/, ''),
        label,
        status: response.statusCode,
        request: JSON.parse(request ?? '{}') as Record<string, unknown>,
        body: JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>,
      });
      response.body = Readable.from([raw]);
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'conformanceRecorder' },
  );

  const ctx: ScenarioContext = {
    out: {},
    code: (username) =>
      lastCode(url, ctx.out.CreateUserPool ? String((ctx.out.CreateUserPool.UserPool as { Id: string }).Id) : '', username),
    upload: async (target, body) => {
      const res = await fetch(target, {
        method: 'PUT',
        body,
        headers: { 'content-type': 'text/csv', 'x-amz-server-side-encryption': 'aws:kms' },
      });
      if (res.status !== 200) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
    },
    raw: async (op, body) => {
      const res = await fetch(url, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${op}` },
      });
      return (await res.json()) as Record<string, unknown>;
    },
  };
  const commands = Sdk as unknown as Record<string, new (input: unknown) => Parameters<typeof sdk.send>[0]>;
  const run = async (steps: Step[]) => {
    for (const step of steps) {
      label = step.label ?? step.op;
      const Command = commands[`${step.op}Command`];
      if (!Command) throw new Error(`the AWS SDK has no ${step.op}Command`);
      const sent = sdk.send(new Command(await step.input(ctx)));
      if (step.fails === undefined) {
        ctx.out[label] = (await sent) as unknown as Record<string, unknown>;
        continue;
      }
      const failure = await sent.then(
        () => undefined,
        (err: Error) => err.name,
      );
      if (failure !== step.fails) throw new Error(`${label}: expected ${step.fails}, got ${failure ?? 'success'}`);
    }
  };

  await t.test('every implemented operation answers valid input', async (t) => {
    await run(SCENARIO);
    t.pass(`${SCENARIO.length} calls succeeded`);
  });

  const implemented = Object.keys(OPERATIONS);
  const inModel = implemented.filter((op) => model.operations[op]);

  await t.test('requests and answers match the model', async (t) => {
    for (const x of exchanges) {
      const op = model.operations[x.op];
      if (!op) {
        // Newer than the installed model: checked against the current SDK's shapes instead.
        const problems = [
          ...checkSdkOperation(x.op, 'input', x.request, 'request'),
          ...(x.status === 200 ? checkSdkOperation(x.op, 'output', x.body, 'response') : []),
        ];
        t.same(problems, [], `${x.label}: HTTP ${x.status} (shapes of the current AWS SDK)`);
        continue;
      }
      const problems = op.input ? checkShape(model, op.input.shape, x.request, 'request') : [];
      if (x.status === 200) {
        problems.push(
          ...(op.output
            ? checkShape(model, op.output.shape, x.body, 'response')
            : Object.keys(x.body).map((k) => `response.${k}: the operation has no output`)),
        );
      } else {
        const type = String(x.body.__type);
        if (!declaredErrors(model, x.op).has(type)) problems.push(`error ${type} is not declared for ${x.op}`);
      }
      t.same(problems, [], `${x.label}: HTTP ${x.status}`);
    }
  });

  await t.test('input constraints are enforced as Cognito enforces them', async (t) => {
    const refusal = new Set(['InvalidParameterException', 'SerializationException']);
    for (const op of inModel) {
      const baseline = exchanges.find((x) => x.op === op && x.status === 200)?.request;
      const inputShape = model.operations[op]?.input?.shape;
      if (!baseline || !inputShape) continue;
      const declared = declaredErrors(model, op);
      const failures: string[] = [];
      for (const m of mutations(model, inputShape, baseline)) {
        const res = await fetch(url, {
          method: 'POST',
          body: JSON.stringify(m.body),
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${op}` },
        });
        const body = (await res.json()) as { __type?: string };
        const type = body.__type ?? '';
        if (res.status !== 400 || !refusal.has(type) || !declared.has(type)) failures.push(`${m.what} → HTTP ${res.status} ${type}`);
      }
      t.same(failures, [], `${op}: every broken constraint refused`);
    }
  });

  await t.test('an unknown user pool is answered with an error the model declares', async (t) => {
    for (const op of implemented) {
      const baseline = exchanges.find((x) => x.op === op && x.status === 200)?.request;
      if (!baseline || typeof baseline.UserPoolId !== 'string') continue;
      const declared = model.operations[op] ? declaredErrors(model, op) : undefined;
      const res = await fetch(url, {
        method: 'POST',
        body: JSON.stringify({ ...baseline, UserPoolId: 'us-east-1_Missing000' }),
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${op}` },
      });
      const type = ((await res.json()) as { __type?: string }).__type ?? '';
      t.ok(
        res.status === 400 && (declared ? declared.has(type) : type === 'ResourceNotFoundException'),
        `${op}: HTTP ${res.status} ${type}`,
      );
    }
  });

  await t.test('teardown', async (t) => {
    await run(TEARDOWN);
    const called = new Set(exchanges.map((x) => x.op));
    t.same(
      implemented.filter((op) => !called.has(op)),
      [],
      'every implemented operation is exercised',
    );
  });

  t.test('operations of the model', async (t) => {
    const all = Object.keys(model.operations).sort();
    const notInModel = implemented.filter((op) => !model.operations[op]).sort();
    t.comment(`implemented ${inModel.length} of the model's ${all.length} operations`);
    t.comment(`not implemented: ${all.filter((op) => !OPERATIONS[op]).join(', ')}`);
    t.comment(`implemented, newer than this model (checked against the current SDK's shapes): ${notInModel.join(', ') || 'none'}`);
    const sdkOps = Object.keys(Sdk)
      .filter((k) => k.endsWith('Command') && k !== 'Command')
      .map((k) => k.slice(0, -'Command'.length));
    t.same(
      notInModel.filter((op) => !sdkOps.includes(op)),
      [],
      'every implemented operation exists in the AWS SDK',
    );
  });
}
