// The logger of the CLI and of the programmatic API. Secrets never reach logs: headers that
// carry credentials, and every field that could hold a password, secret, code or token, are redacted.
import { createRequire } from 'node:module';
import { pino, type Logger, type LoggerOptions } from 'pino';
import type { LogLevel } from './config.js';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-amz-security-token"]',
  'res.headers["set-cookie"]',
  'res.headers.location',
  '*.password',
  '*.Password',
  '*.PASSWORD',
  '*.NEW_PASSWORD',
  '*.TemporaryPassword',
  '*.ProposedPassword',
  '*.PreviousPassword',
  '*.client_secret',
  '*.ClientSecret',
  '*.SECRET_HASH',
  '*.code',
  '*.ConfirmationCode',
  '*.access_token',
  '*.id_token',
  '*.refresh_token',
  '*.AccessToken',
  '*.IdToken',
  '*.RefreshToken',
  '*.token',
  '*.Session',
];

function loggerOptions(level: LogLevel): LoggerOptions {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}

/**
 * JSON lines by default (containers, CI); readable pretty lines when a person watches a terminal.
 * pino-pretty formats in-process, as a stream, and is loaded only then: a pino transport would run
 * it in a worker that loads pino's files by path, which rules out bundling pino (README, Performance).
 */
export function createLogger(level: LogLevel, pretty = false): Logger {
  if (!pretty) return pino(loggerOptions(level));
  // require(), not import(): this function is synchronous. The package stays outside the bundle.
  const { build: pinoPretty } = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  return pino(loggerOptions(level), pinoPretty({ translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' }));
}
