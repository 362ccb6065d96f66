// What a transport (in-process function, local module in a worker thread, the Lambda Invoke API)
// reports for one invocation. The runtime turns outcomes into Cognito's errors.
export type Outcome =
  /** The handler's return value, after a JSON round trip (what Lambda would carry back). */
  | { kind: 'ok'; payload: unknown }
  /** The handler threw / rejected / called back with an error, or its runtime exited. */
  | { kind: 'error'; message: string }
  | { kind: 'timeout' }
  /** The function could not be reached or does not exist. */
  | { kind: 'unavailable'; message: string };

export interface Invocation {
  /** The ARN from LambdaConfig (or the name it was mapped by). */
  functionArn: string;
  event: unknown;
  timeoutMs: number;
}

export interface Transport {
  invoke(call: Invocation): Promise<Outcome>;
  close?(): Promise<void>;
}

/** `arn:aws:lambda:us-east-1:123456789012:function:name[:alias]` → `name`; anything else as given. */
export function functionName(functionArn: string): string {
  const parts = functionArn.split(':');
  return parts[0] === 'arn' && parts[5] === 'function' && parts[6] ? parts[6] : functionArn;
}

export function regionOfArn(functionArn: string): string | undefined {
  const parts = functionArn.split(':');
  return parts[0] === 'arn' && parts[3] ? parts[3] : undefined;
}

/** The context object a Node.js Lambda handler receives (the parts handlers read). */
export function lambdaContext(functionArn: string, requestId: string, deadline: number): Record<string, unknown> {
  const name = functionName(functionArn);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn,
    memoryLimitInMB: '128',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `cognito-emulator/${requestId}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/** Lambda's error text for a thrown value: its message for an Error, otherwise its string form. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string')
    return (err as { message: string }).message;
  return String(err);
}

/** Lambda serialises the return value as JSON; `undefined` arrives as null. */
export function jsonRoundTrip(value: unknown): Outcome {
  try {
    return { kind: 'ok', payload: JSON.parse(JSON.stringify(value ?? null) ?? 'null') as unknown };
  } catch (err) {
    return { kind: 'error', message: `Unable to stringify response body: ${errorMessage(err)}` };
  }
}
