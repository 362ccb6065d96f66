// Reads POST /_emulator/faults bodies: {"route" | "operation", "count", "error"?, "status"?, "delayMs"?, "message"?}.
import type { FaultSpec } from '../state/faults.js';
import { ControlError } from '../errors/control-error.js';

const bad = (message: string) => new ControlError('InvalidFault', message);

export function readFaultSpec(input: Record<string, unknown>): FaultSpec {
  const { route, operation, count = 1, error, status = 400, delayMs = 0, message } = input;
  if ((route === undefined) === (operation === undefined))
    throw bad('Give exactly one of "route" (e.g. "/oauth2/token") or "operation" (e.g. "InitiateAuth")');
  if (route !== undefined && (typeof route !== 'string' || !route.startsWith('/')))
    throw bad('"route" must be a path such as "/oauth2/token"');
  if (operation !== undefined && (typeof operation !== 'string' || !/^[A-Za-z]+$/.test(operation)))
    throw bad('"operation" must be an operation name such as "InitiateAuth"');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10000)
    throw bad('"count" must be an integer from 1 to 10000');
  if (error !== undefined && (typeof error !== 'string' || !/^[\w.-]{1,128}$/.test(error)))
    throw bad('"error" must be an OAuth error code or a Cognito exception name');
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
    throw bad('"status" must be an HTTP error status (400-599)');
  if (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > 60000)
    throw bad('"delayMs" must be an integer from 0 to 60000');
  if (error === undefined && delayMs === 0) throw bad('A fault needs an "error", a "delayMs", or both');
  if (message !== undefined && (typeof message !== 'string' || message.length > 1024)) throw bad('"message" must be a string');
  return {
    ...(route !== undefined ? { route: route as string } : {}),
    ...(operation !== undefined ? { operation: operation as string } : {}),
    count,
    status,
    delayMs,
    ...(error !== undefined ? { error: error as string } : {}),
    ...(message !== undefined ? { message: message as string } : {}),
  };
}
