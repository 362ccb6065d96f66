// Trigger functions run by an AWS Lambda Invoke API at LAMBDA_ENDPOINT (`sam local start-lambda`,
// LocalStack, any Lambda emulator): Invoke with InvocationType RequestResponse, as Cognito calls
// Lambda (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). The SDK is loaded on the
// first call, so pools without triggers pay nothing at start-up.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { errorMessage, regionOfArn, type Invocation, type Outcome, type Transport } from './transport.js';

type LambdaSdk = typeof import('@aws-sdk/client-lambda');

/**
 * Lambda emulators do not check signatures, and the emulator must never look for real AWS
 * credentials (or wait for the instance-metadata service offline): a fixed pair signs the calls.
 */
const CREDENTIALS = { accessKeyId: 'cognito-emulator', secretAccessKey: 'cognito-emulator' };

export class LambdaApi implements Transport {
  private sdk: Promise<LambdaSdk> | undefined;
  /** SDK clients by region: a per-process cache (replicas each make their own). */
  private readonly clients = new Map<string, LambdaClient>();

  constructor(private readonly endpoint: string) {}

  private async client(region: string): Promise<{ sdk: LambdaSdk; client: LambdaClient }> {
    this.sdk ??= import('@aws-sdk/client-lambda');
    const sdk = await this.sdk;
    let client = this.clients.get(region);
    if (!client) {
      client = new sdk.LambdaClient({ endpoint: this.endpoint, region, credentials: CREDENTIALS, maxAttempts: 1 });
      this.clients.set(region, client);
    }
    return { sdk, client };
  }

  async invoke({ functionArn, event, timeoutMs }: Invocation): Promise<Outcome> {
    const { sdk, client } = await this.client(regionOfArn(functionArn) ?? 'us-east-1');
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const out = await client.send(
        new sdk.InvokeCommand({
          FunctionName: functionArn,
          InvocationType: 'RequestResponse',
          Payload: Buffer.from(JSON.stringify(event)),
        }),
        { abortSignal: abort.signal },
      );
      const text = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
      let payload: unknown;
      try {
        payload = text === '' ? null : JSON.parse(text);
      } catch {
        return { kind: 'error', message: 'Invalid JSON' };
      }
      // Lambda's error payload: {"errorType": "...", "errorMessage": "...", "trace": [...]}.
      if (out.FunctionError !== undefined) {
        const message = typeof payload === 'object' && payload !== null ? (payload as { errorMessage?: unknown }).errorMessage : undefined;
        return { kind: 'error', message: typeof message === 'string' ? message : out.FunctionError };
      }
      return { kind: 'ok', payload };
    } catch (err) {
      if (abort.signal.aborted) return { kind: 'timeout' };
      const name = err instanceof Error ? err.name : 'Error';
      return { kind: 'unavailable', message: `${name}: ${errorMessage(err)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
