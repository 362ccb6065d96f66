// Invokes a pool's trigger functions where Cognito would, synchronously and within Cognito's fixed
// five seconds (AWS developer guide, "Customizing user pool workflows with Lambda triggers"), and
// turns what went wrong into Cognito's errors. A function is looked up by the ARN in LambdaConfig
// (or its function name): first among the in-process handlers of startEmulator({ triggers }), then
// the fixtures' LambdaFunctions (local modules), then through the Lambda Invoke API at
// LAMBDA_ENDPOINT.
import type { UserPool } from '../domain/model.js';
import { triggerFailed, triggerTimedOut, triggerUnavailable, unrecognizableOutput } from './errors.js';
import { InProcessFunctions, type TriggerHandler } from './in-process.js';
import { triggerArn, type TriggerName } from './lambda-config.js';
import { LambdaApi } from './lambda-api.js';
import { LocalModules } from './local-modules.js';
import type { Outcome, Transport } from './transport.js';

/** "it must respond within 5 seconds … You can't change this five-second timeout value." */
export const TRIGGER_TIMEOUT_MS = 5000;

export interface TriggerOptions {
  /** In-process handlers by function ARN or name. */
  handlers?: Readonly<Record<string, TriggerHandler>>;
  /** Local modules by function ARN or name → absolute file path. */
  files?: ReadonlyMap<string, string>;
  lambdaEndpoint?: string;
  /** Reports failures of the asynchronous custom senders, which never reach the client. */
  warn?: (message: string) => void;
}

/** The returned event's `response`, already checked to be an object. */
export type TriggerResponse = Record<string, unknown>;

/** What a trigger call needs from the emulator (Deps has it). */
export interface TriggerDeps {
  triggers: Triggers;
}

export class Triggers {
  private readonly inProcess: InProcessFunctions;
  private readonly modules: LocalModules;
  private readonly lambda: LambdaApi | undefined;
  private readonly warn: (message: string) => void;

  constructor(options: TriggerOptions = {}) {
    this.inProcess = new InProcessFunctions(options.handlers ?? {});
    this.modules = new LocalModules(options.files ?? new Map());
    this.lambda = options.lambdaEndpoint !== undefined ? new LambdaApi(options.lambdaEndpoint) : undefined;
    this.warn = options.warn ?? (() => {});
  }

  /** Whether the pool has a function for this trigger. */
  has(pool: UserPool, trigger: TriggerName): boolean {
    return triggerArn(pool.LambdaConfig, trigger) !== undefined;
  }

  /**
   * Runs the pool's function for `trigger` with `event` and returns the `response` of the event it
   * gives back; undefined when the pool has no such trigger. Throws Cognito's error on failure.
   */
  async invoke(pool: UserPool, trigger: TriggerName, event: Record<string, unknown>): Promise<TriggerResponse | undefined> {
    const functionArn = triggerArn(pool.LambdaConfig, trigger);
    if (functionArn === undefined) return undefined;
    const outcome = await this.transport(functionArn).invoke({ functionArn, event, timeoutMs: TRIGGER_TIMEOUT_MS });
    return readResponse(trigger, outcome);
  }

  /**
   * Custom senders: Cognito invokes them asynchronously, so their failures never reach the client;
   * they are logged. Returns whether the pool has the sender (then Cognito sends nothing itself).
   */
  invokeAsync(pool: UserPool, trigger: 'CustomEmailSender' | 'CustomSMSSender', event: Record<string, unknown>): boolean {
    const functionArn = triggerArn(pool.LambdaConfig, trigger);
    if (functionArn === undefined) return false;
    void this.transport(functionArn)
      .invoke({ functionArn, event, timeoutMs: TRIGGER_TIMEOUT_MS })
      .then((outcome) => {
        if (outcome.kind === 'ok') return;
        const detail = outcome.kind === 'timeout' ? 'timed out' : outcome.message;
        this.warn(`${trigger} ${functionArn} failed (not reported to the client, as with Cognito): ${detail}`);
      });
    return true;
  }

  private transport(functionArn: string): Transport {
    if (this.inProcess.find(functionArn)) return this.inProcess;
    if (this.modules.find(functionArn) !== undefined) return this.modules;
    if (this.lambda) return this.lambda;
    return {
      invoke: async () => ({
        kind: 'unavailable',
        message:
          `ResourceNotFoundException: no handler for ${functionArn} (map it in the fixture's LambdaFunctions, pass it to ` +
          `startEmulator({ triggers }) or set LAMBDA_ENDPOINT)`,
      }),
    };
  }

  /** --watch / reload: the new fixtures' LambdaFunctions. */
  replaceFiles(files: ReadonlyMap<string, string>): Promise<void> {
    return this.modules.replace(files);
  }

  async close(): Promise<void> {
    await Promise.all([this.modules.close(), this.lambda?.close()]);
  }
}

function readResponse(trigger: TriggerName, outcome: Outcome): TriggerResponse {
  switch (outcome.kind) {
    case 'timeout':
      throw triggerTimedOut(trigger);
    case 'unavailable':
      throw triggerUnavailable(trigger, outcome.message);
    case 'error':
      throw triggerFailed(trigger, outcome.message);
    case 'ok': {
      // The handler must give back the event with its response (AWS developer guide); anything else
      // is "Unrecognizable lambda output".
      const payload = outcome.payload;
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || !('response' in payload))
        throw unrecognizableOutput();
      const response = (payload as { response: unknown }).response;
      if (response === null) return {};
      if (typeof response !== 'object' || Array.isArray(response)) throw unrecognizableOutput();
      return response as TriggerResponse;
    }
  }
}
