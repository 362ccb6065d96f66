// cognito-local, the incumbent emulator (devDependency, benchmark only): started as a child process
// on 127.0.0.1 in its own temp directory (it keeps its data in .cognito/ under its cwd), then a
// pool, a client and a user are created through its JSON API with the AWS SDK.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { tempDir } from './fixtures.js';
import { freePort, HOST, startServer, type Started } from './lib/processes.js';

const require = createRequire(import.meta.url);
/** cognito-local's own bin (lib/bin/start.js), resolved from its package. */
export const COGNITO_LOCAL_BIN = join(dirname(require.resolve('cognito-local/package.json')), 'lib/bin/start.js');

export async function startCognitoLocal(): Promise<Started & { dir: string }> {
  const dir = tempDir('cognito-local');
  mkdirSync(join(dir, '.cognito'));
  const port = await freePort();
  // Its defaults, with the issuer on the loopback address; no triggers, nothing outside this machine.
  writeFileSync(join(dir, '.cognito', 'config.json'), JSON.stringify({ TokenConfig: { IssuerDomain: `http://${HOST}:${port}` } }));
  const started = await startServer({ command: process.execPath, args: [COGNITO_LOCAL_BIN], cwd: dir, port, env: { HOST } });
  return { ...started, dir };
}

export interface CognitoLocalSetup {
  clientId: string;
  refreshTokens: string[];
}

const USERNAME = 'alice@example.com';
const PASSWORD = 'Passw0rd!';

/** Pool, client and user through the JSON API; then `count` refresh tokens from USER_PASSWORD_AUTH. */
export async function setUpCognitoLocal(url: string, count: number): Promise<CognitoLocalSetup> {
  const sdk = new CognitoIdentityProviderClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: 'bench' }));
    const poolId = pool.UserPool?.Id;
    if (!poolId) throw new Error('cognito-local: CreateUserPool returned no Id');
    const client = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'bench',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = client.UserPoolClient?.ClientId;
    if (!clientId) throw new Error('cognito-local: CreateUserPoolClient returned no ClientId');
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: USERNAME,
        TemporaryPassword: 'Temp0rary!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: USERNAME },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: USERNAME, Password: PASSWORD, Permanent: true }));
    const refreshTokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const auth = await sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME, PASSWORD },
        }),
      );
      const token = auth.AuthenticationResult?.RefreshToken;
      if (!token) throw new Error(`cognito-local: USER_PASSWORD_AUTH returned no RefreshToken (${JSON.stringify(auth.ChallengeName)})`);
      refreshTokens.push(token);
    }
    return { clientId, refreshTokens };
  } finally {
    sdk.destroy();
  }
}
