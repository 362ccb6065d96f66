// The only reader of process.env and argv. Returns a validated, frozen Config or throws a
// StartupError whose message is the one line main.ts prints before exiting with code 2.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { StartupError } from './errors/startup-error.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  fixtures: string | undefined;
  dataFile: string | undefined;
  /** Base URL clients reach us at, without a trailing slash. Undefined = http://localhost:<bound port>. */
  publicUrl: string | undefined;
  /** Issuer template with {userPoolId}, {region}, {publicUrl}. */
  issuerUrl: string;
  logLevel: LogLevel;
  help: boolean;
  /** Reload the fixtures when their file or directory changes. */
  watch: boolean;
  /** AWS Lambda Invoke API for trigger functions not mapped locally (sam local start-lambda, LocalStack). */
  lambdaEndpoint: string | undefined;
}

/** name → [env var, flag, description]; also drives --help. */
export const SETTINGS = {
  port: ['PORT', 'port', 'listen port (0 = any free port; the chosen port is logged)', '9229'],
  host: ['HOST', 'host', 'bind address', '127.0.0.1'],
  fixtures: ['FIXTURES', 'fixtures', 'fixture file, or directory whose *.json files are all loaded', 'fixtures/example.json'],
  dataFile: ['DATA_FILE', 'data-file', 'lowdb JSON file for state that survives restarts', 'unset (memory only)'],
  publicUrl: ['PUBLIC_URL', 'public-url', 'base URL clients reach the emulator at', 'http://localhost:<port>'],
  issuerUrl: ['ISSUER_URL', 'issuer-url', 'issuer template ({userPoolId}, {region}, {publicUrl})', '{publicUrl}/{userPoolId}'],
  logLevel: ['LOG_LEVEL', 'log-level', `pino level (${LOG_LEVELS.join(', ')})`, 'info'],
  lambdaEndpoint: ['LAMBDA_ENDPOINT', 'lambda-endpoint', 'Lambda Invoke API for trigger functions not mapped in the fixtures', 'unset'],
} as const;

export const DEFAULT_ISSUER = '{publicUrl}/{userPoolId}';
export const AWS_ISSUER = 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}';

/** fixtures/example.json of this package, used when FIXTURES is not set. */
export const EXAMPLE_FIXTURE = fileURLToPath(new URL('../fixtures/example.json', import.meta.url));

export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const options = Object.fromEntries(
    Object.values(SETTINGS).map(([, flag]) => [flag, { type: 'string' as const }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' }, watch: { type: 'boolean' } }, strict: true });
  } catch (err) {
    // parseArgs messages can span lines; startup errors are printed as one line.
    throw new StartupError(`invalid command line: ${(err as Error).message.replace(/\s*\n\s*/g, ' ')}`);
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>;
  const read = (name: keyof typeof SETTINGS): string | undefined => {
    const [envName, flag] = SETTINGS[name];
    const value = flags[flag] ?? env[envName];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const where = (name: keyof typeof SETTINGS) => `${SETTINGS[name][0]} / --${SETTINGS[name][1]}`;

  const portText = read('port') ?? '9229';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new StartupError(`${where('port')}: "${portText}" is not a port number (0-65535)`);
  }
  const publicUrl = read('publicUrl');
  if (publicUrl !== undefined) checkUrl(publicUrl, where('publicUrl'));
  const issuerUrl = read('issuerUrl') ?? DEFAULT_ISSUER;
  if (!issuerUrl.includes('{userPoolId}')) {
    throw new StartupError(`${where('issuerUrl')}: "${issuerUrl}" must contain {userPoolId}`);
  }
  checkUrl(issuerUrl.replaceAll('{publicUrl}', 'http://localhost').replaceAll(/\{\w+\}/g, 'x'), where('issuerUrl'));
  const lambdaEndpoint = read('lambdaEndpoint');
  if (lambdaEndpoint !== undefined) checkUrl(lambdaEndpoint, where('lambdaEndpoint'));
  const logLevel = read('logLevel') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new StartupError(`${where('logLevel')}: "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return Object.freeze({
    port: Number(portText),
    host: read('host') ?? '127.0.0.1',
    fixtures: read('fixtures') ?? EXAMPLE_FIXTURE,
    dataFile: read('dataFile'),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    issuerUrl,
    logLevel: logLevel as LogLevel,
    help: flags.help === true,
    watch: flags.watch === true,
    lambdaEndpoint,
  });
}

function checkUrl(value: string, where: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(`${where}: "${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StartupError(`${where}: "${value}" must be an http or https URL`);
  }
}

export function helpText(): string {
  const lines = Object.values(SETTINGS).map(
    ([env, flag, text, dflt]) => `  --${flag.padEnd(12)} ${env.padEnd(11)} ${text} [default: ${dflt}]`,
  );
  return [
    'cognito-emulator: a local, offline Amazon Cognito user pool (OAuth2/OIDC + JSON API) for tests',
    '',
    'Usage: cognito-emulator [options]   (each option can also be set by its environment variable; flags win)',
    '',
    ...lines,
    '  --watch                    reload the fixtures when they change (state is reset to them)',
    '  --help, -h                 show this help',
    '',
    `AWS-identical issuers: --issuer-url '${AWS_ISSUER}'`,
  ].join('\n');
}
