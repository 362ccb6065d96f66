// Trigger tests: an emulator on 127.0.0.1 whose test pool has a LambdaConfig, with trigger
// handlers passed in-process (startEmulator's `triggers`), mapped to local modules, or reached
// through a Lambda Invoke API (lambda-server.ts). Handlers are typed with @types/aws-lambda.
import type { Test } from 'tap';
import { decodeJwt } from 'jose';
import type { Emulator } from '../../src/emulator.js';
import type { TriggerHandler } from '../../src/triggers/in-process.js';
import type { LambdaConfig } from '../../src/domain/lambda-config.js';
import { POOL_ID, TEST_FIXTURE } from './fixtures/index.js';
import { testEmulator } from './harness.js';
import { sdkClient } from './sdk.js';

export const ARN = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
export const KMS_KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const CUSTOM_CLIENT = 'customclient00000000000000';
/** Hides user existence (PreventUserExistenceErrors ENABLED). */
export const HIDDEN_CLIENT = 'hiddenclient00000000000000';

/** TEST_FIXTURE with `lambdaConfig` on the main pool, email auto-verified, and a client with default flows. */
export function triggerFixture(lambdaConfig: LambdaConfig, extra: { LambdaFunctions?: Record<string, string> } = {}): object {
  const fixture = structuredClone(TEST_FIXTURE) as unknown as { UserPools: Array<Record<string, unknown>> };
  const pool = fixture.UserPools[0]!;
  pool.LambdaConfig = lambdaConfig;
  pool.AutoVerifiedAttributes = ['email'];
  (pool.Clients as object[]).push(
    {
      ClientId: CUSTOM_CLIENT,
      ClientName: 'custom auth',
      ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
    {
      ClientId: HIDDEN_CLIENT,
      ClientName: 'hidden users',
      PreventUserExistenceErrors: 'ENABLED',
      ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
    },
  );
  return { ...fixture, ...extra };
}

export interface TriggerServer {
  url: string;
  app: Emulator['app'];
  deps: Emulator['deps'];
  sdk: ReturnType<typeof sdkClient>;
}

export async function startTriggerServer(
  t: Test,
  opts: { fixture: object; triggers?: Record<string, TriggerHandler>; lambdaEndpoint?: string },
): Promise<TriggerServer> {
  const server = await testEmulator(t, {
    listen: true,
    fixture: opts.fixture,
    config: { lambdaEndpoint: opts.lambdaEndpoint },
    ...(opts.triggers ? { triggers: opts.triggers } : {}),
  });
  const sdk = sdkClient(server.url);
  t.teardown(() => sdk.destroy());
  return { url: server.url, app: server.app, deps: server.deps, sdk };
}

/** Records every event a handler gets, by trigger source. */
export class Calls {
  readonly events: Array<Record<string, any>> = [];
  record(event: unknown): void {
    this.events.push(structuredClone(event) as Record<string, any>);
  }
  of(source: string): Array<Record<string, any>> {
    return this.events.filter((e) => e.triggerSource === source);
  }
  last(source: string): Record<string, any> | undefined {
    return this.of(source).at(-1);
  }
}

export const claims = (jwt: string | undefined): Record<string, unknown> => decodeJwt(jwt ?? '') as Record<string, unknown>;

export async function messages(server: TriggerServer, username?: string): Promise<Array<Record<string, string>>> {
  const res = await fetch(
    `${server.url}/_emulator/messages?userPoolId=${POOL_ID}${username ? `&username=${encodeURIComponent(username)}` : ''}`,
  );
  return ((await res.json()) as { Messages: Array<Record<string, string>> }).Messages;
}
