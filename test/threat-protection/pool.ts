// A run-time pool with threat protection for these tests: a client allowed the password flows, and
// confirmed users with a password.
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  type AttributeType,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Test } from 'tap';
import { startPoolsServer } from '../helpers/run-time-pools.js';

export const PASSWORD = 'Corr3ct-Horse!';

export async function startThreatServer(t: Test) {
  const started = await startPoolsServer(t);
  const { sdk } = started;

  async function threatPool(mode: 'OFF' | 'AUDIT' | 'ENFORCED', input: Partial<CreateUserPoolCommandInput> = {}) {
    const { poolId, pool } = await started.makePool({ UserPoolAddOns: { AdvancedSecurityMode: mode }, ...input });
    const client = (
      await sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'server',
          ExplicitAuthFlows: [
            'ALLOW_ADMIN_USER_PASSWORD_AUTH',
            'ALLOW_USER_PASSWORD_AUTH',
            'ALLOW_USER_SRP_AUTH',
            'ALLOW_REFRESH_TOKEN_AUTH',
          ],
        }),
      )
    ).UserPoolClient!;
    return { poolId, clientId: client.ClientId!, pool };
  }

  async function confirmedUser(poolId: string, Username: string, attributes: AttributeType[] = [], Password = PASSWORD) {
    await sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username, MessageAction: 'SUPPRESS', UserAttributes: attributes }));
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password, Permanent: true }));
  }

  const adminSignIn = (UserPoolId: string, ClientId: string, USERNAME: string, PASSWORD_: string = PASSWORD, IpAddress?: string) =>
    sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId,
        ClientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD: PASSWORD_ },
        ...(IpAddress !== undefined
          ? { ContextData: { IpAddress, ServerName: 'app.example.com', ServerPath: '/login', HttpHeaders: [] } }
          : {}),
      }),
    );

  return { ...started, threatPool, confirmedUser, adminSignIn };
}
