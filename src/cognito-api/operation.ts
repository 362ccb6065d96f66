// The shape of a Cognito JSON API operation: `(deps) => async (input) => output`, one per file
// (cognito-local's targets/*.ts). The dispatcher validates nothing beyond JSON: each operation
// checks its own input with the helpers in input.ts.
import type { Deps } from '../deps.js';

export type Input = Record<string, unknown>;
export type Output = Record<string, unknown>;

export interface OperationContext {
  /** Raw request headers, for the few operations that look at them. */
  headers: Record<string, string | string[] | undefined>;
  /** The caller's address (threat protection's IP lists, auth events, sessions). */
  ip?: string;
}

export type Operation = (deps: Deps) => (input: Input, ctx: OperationContext) => Promise<Output>;
