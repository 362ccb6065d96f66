// Trigger functions passed to startEmulator({ triggers }): called on the emulator's own thread
// with the event and a Lambda-like context. A handler that blocks the thread blocks the emulator
// (use a local module for code that may); one that never settles times out like any other.
import { randomUUID } from 'node:crypto';
import { errorMessage, functionName, jsonRoundTrip, lambdaContext, type Invocation, type Outcome, type Transport } from './transport.js';

/** A Lambda handler: async (event, context) => event, or the callback style (event, context, callback). */
// `any`, as in @types/aws-lambda's own Handler: a handler typed for one trigger (PreSignUpTriggerHandler, …) must fit.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type TriggerHandler = (event: any, context: any, callback: any) => unknown;

export class InProcessFunctions implements Transport {
  constructor(private readonly handlers: Readonly<Record<string, TriggerHandler>>) {}

  /** By the ARN as configured, else by function name. */
  find(functionArn: string): TriggerHandler | undefined {
    const own = (key: string) => (Object.hasOwn(this.handlers, key) ? this.handlers[key] : undefined);
    return own(functionArn) ?? own(functionName(functionArn));
  }

  async invoke({ functionArn, event, timeoutMs }: Invocation): Promise<Outcome> {
    const handler = this.find(functionArn);
    if (!handler) return { kind: 'unavailable', message: `ResourceNotFoundException: Function not found: ${functionArn}` };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
    });
    const run = new Promise<Outcome>((resolve) => {
      const done = (error?: unknown, result?: unknown) =>
        resolve(error !== undefined && error !== null ? { kind: 'error', message: errorMessage(error) } : jsonRoundTrip(result));
      const context = lambdaContext(functionArn, randomUUID(), Date.now() + timeoutMs);
      try {
        const returned = handler(event, context, done);
        // Promise-returning handlers answer with their value; callback-style ones call `done`.
        if (returned !== undefined || handler.length < 3)
          Promise.resolve(returned).then(
            (value) => done(undefined, value),
            (err: unknown) => done(err ?? new Error('undefined')),
          );
      } catch (err) {
        done(err ?? new Error('undefined'));
      }
    });
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
