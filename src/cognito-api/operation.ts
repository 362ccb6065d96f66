// The shape of a Cognito JSON API operation: `(deps) => async (input) => output`, one per file
// (cognito-local's targets/*.ts), given only the dependencies it names. The dispatcher validates nothing beyond JSON: each operation
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

/**
 * `K` names the dependencies the operation uses (`Operation<'store' | 'clock'>`): it is given only
 * those. An operation given all of Deps declares none.
 */
export type Operation<K extends keyof Deps = keyof Deps> = (
  deps: Pick<Deps, K>,
) => (input: Input, ctx: OperationContext) => Promise<Output>;

/**
 * An AWS SDK response type as it goes on the wire: timestamps are epoch seconds, not Dates, blobs
 * base64 strings, not byte arrays, and enums plain strings (the model keeps them as read). An
 * operation checks its output's members and their types against it with a type-only import, e.g.
 * `return { … } satisfies Wire<AdminGetUserResponse>`.
 * Members spread in (`...(c ? { NextToken: t } : {})`) escape the check for unknown names: an optional
 * member is written `NextToken: c ? t : undefined` instead (JSON leaves undefined members out).
 */
export type Wire<T> = T extends Date
  ? number
  : T extends Uint8Array
    ? string
    : T extends string
      ? string
      : T extends ReadonlyArray<infer U>
        ? Wire<U>[]
        : T extends object
          ? { [P in keyof T]: Wire<T[P]> }
          : T;
