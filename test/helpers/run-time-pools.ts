// Tests of pools created at run time through the AWS SDK: a listening emulator whose new pools reuse
// the test keys, a pool-with-client maker and USER_PASSWORD_AUTH sign-in.
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Test } from 'tap';
import { reuseTestKeys, sdkClient } from './sdk.js';
import { testEmulator } from './harness.js';

export async function startPoolsServer(t: Test) {
  const server = await testEmulator(t, { listen: true });
  reuseTestKeys(server.deps);
  const sdk = sdkClient(server.url);
  t.teardown(() => sdk.destroy());

  /** A new pool and a client allowed USER_PASSWORD_AUTH (with a generated secret when asked). */
  async function makePool(input: Partial<CreateUserPoolCommandInput> = {}, GenerateSecret = false) {
    const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'made at run time', ...input }))).UserPool!;
    const client = (
      await sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId: pool.Id!,
          ClientName: 'app',
          GenerateSecret,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      )
    ).UserPoolClient!;
    return { poolId: pool.Id!, clientId: client.ClientId!, pool };
  }

  const signIn = (ClientId: string, USERNAME: string, PASSWORD = 'Passw0rd!') =>
    sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD } }));

  return { server, sdk, makePool, signIn };
}
