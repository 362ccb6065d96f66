// pino options shared by main and the programmatic API. Secrets never reach logs: headers that
// carry credentials, and every field that could hold a password, secret, code or token, are redacted.
import type { LoggerOptions } from 'pino';
import type { LogLevel } from './config.js';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-amz-security-token"]',
  'res.headers["set-cookie"]',
  'res.headers.location',
  '*.password', '*.Password', '*.PASSWORD', '*.NEW_PASSWORD', '*.TemporaryPassword', '*.ProposedPassword', '*.PreviousPassword',
  '*.client_secret', '*.ClientSecret', '*.SECRET_HASH', '*.code', '*.ConfirmationCode',
  '*.access_token', '*.id_token', '*.refresh_token', '*.AccessToken', '*.IdToken', '*.RefreshToken', '*.token', '*.Session',
];

/** JSON lines by default (containers, CI); readable pretty lines when a person watches a terminal. */
export function loggerOptions(level: LogLevel, pretty = false): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  };
}
