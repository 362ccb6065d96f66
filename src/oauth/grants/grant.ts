import type { AppClient } from '../../domain/model.js';
import type { Deps } from '../../deps.js';
import type { TokenSet } from '../../tokens/token-issuer.js';

export interface GrantContext {
  client: AppClient;
  body: Record<string, unknown>;
  deps: Deps;
  /** The caller's address, recorded on the token session (src/sessions/). */
  ip?: string;
}

export type Grant = (ctx: GrantContext) => Promise<TokenSet>;

/** A single string body parameter, or undefined when missing, repeated or oversized. */
export function bodyParam(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' && value.length <= 8192 ? value : undefined;
}
