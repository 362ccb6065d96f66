// The session a RevokeUserSession or AdminRevokeUserSession request names.
import { optionalEnum, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';

/** RevokeAssociatedSessions LINKED also ends the SSO session a token session came through; token sessions have none here. */
export function readRevokeInput(input: Input): string {
  const sessionId = requiredString(input, 'SessionId', 28);
  optionalEnum(input, 'RevokeAssociatedSessions', ['NONE', 'LINKED'] as const);
  return sessionId;
}
