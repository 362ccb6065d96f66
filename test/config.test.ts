// loadConfig(argv, env): the only reader of settings (README, Settings). Flags win over env; bad
// values are StartupErrors with one clear message naming the setting.
import t from 'tap';
import { EXAMPLE_FIXTURE, loadConfig } from '../src/config.js';
import { StartupError } from '../src/errors/startup-error.js';

t.test('defaults', async (t) => {
  const config = loadConfig([], {});
  t.match(config, {
    port: 9229,
    host: '127.0.0.1',
    fixtures: EXAMPLE_FIXTURE,
    dataFile: undefined,
    publicUrl: undefined,
    issuerUrl: '{publicUrl}/{userPoolId}',
    logLevel: 'info',
    help: false,
  });
  t.ok(EXAMPLE_FIXTURE.endsWith('/fixtures/example.json'));
  t.ok(Object.isFrozen(config), 'frozen');
});

t.test('env sets every value; flags win over env', async (t) => {
  const env = {
    PORT: '1234',
    HOST: '0.0.0.0',
    FIXTURES: '/env/fixtures',
    DATA_FILE: '/env/data.json',
    PUBLIC_URL: 'http://env.example:1234/',
    ISSUER_URL: 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}',
    LOG_LEVEL: 'warn',
  };
  t.match(
    loadConfig([], env),
    {
      port: 1234,
      host: '0.0.0.0',
      fixtures: '/env/fixtures',
      dataFile: '/env/data.json',
      publicUrl: 'http://env.example:1234',
      issuerUrl: 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}',
      logLevel: 'warn',
    },
    'from env (PUBLIC_URL trailing slash dropped)',
  );
  const flags = [
    '--port',
    '0',
    '--host',
    '::1',
    '--fixtures',
    '/flag/dir',
    '--data-file',
    '/flag/data.json',
    '--public-url',
    'https://flag.example',
    '--issuer-url',
    '{publicUrl}/x/{userPoolId}',
    '--log-level',
    'debug',
  ];
  t.match(
    loadConfig(flags, env),
    {
      port: 0,
      host: '::1',
      fixtures: '/flag/dir',
      dataFile: '/flag/data.json',
      publicUrl: 'https://flag.example',
      issuerUrl: '{publicUrl}/x/{userPoolId}',
      logLevel: 'debug',
    },
    'flags win',
  );
  t.match(loadConfig(['--port=4321'], { PORT: '1' }), { port: 4321 }, '--flag=value form');
  t.equal(loadConfig([], { DATABASE_URL: 'postgres://u:p@db:5432/x' }).databaseUrl, 'postgres://u:p@db:5432/x', 'DATABASE_URL');
  t.equal(loadConfig(['--database-url', 'postgresql://db/y'], {}).databaseUrl, 'postgresql://db/y', '--database-url');
  t.match(loadConfig([], { PORT: '' }), { port: 9229 }, 'an empty env value means unset');
  t.equal(loadConfig(['-h'], {}).help, true);
  t.equal(loadConfig(['--help'], {}).help, true);
});

t.test('bad settings → StartupError naming the setting', async (t) => {
  const cases: Array<[string, string[], NodeJS.ProcessEnv, RegExp]> = [
    ['PORT not a number', [], { PORT: 'abc' }, /^PORT \/ --port: "abc" is not a port number \(0-65535\)$/],
    ['PORT too big', [], { PORT: '65536' }, /^PORT \/ --port: "65536" is not a port number/],
    ['PORT negative', ['--port', '-1'], {}, /port/],
    ['PORT fractional', [], { PORT: '80.5' }, /^PORT \/ --port: "80.5" is not a port number/],
    ['--port bad even when env is fine', ['--port', 'x'], { PORT: '80' }, /^PORT \/ --port: "x"/],
    [
      'LOG_LEVEL unknown',
      [],
      { LOG_LEVEL: 'verbose' },
      /^LOG_LEVEL \/ --log-level: "verbose" is not one of fatal, error, warn, info, debug, trace, silent$/,
    ],
    ['LOG_LEVEL case', ['--log-level', 'INFO'], {}, /^LOG_LEVEL \/ --log-level: "INFO" is not one of/],
    [
      'ISSUER_URL without {userPoolId}',
      [],
      { ISSUER_URL: 'https://issuer.example/' },
      /^ISSUER_URL \/ --issuer-url: "https:\/\/issuer.example\/" must contain \{userPoolId\}$/,
    ],
    ['ISSUER_URL not a URL', ['--issuer-url', 'issuer/{userPoolId}'], {}, /^ISSUER_URL \/ --issuer-url: .* is not an absolute URL$/],
    ['ISSUER_URL not http', [], { ISSUER_URL: 'ftp://x/{userPoolId}' }, /^ISSUER_URL \/ --issuer-url: .* must be an http or https URL$/],
    [
      'DATABASE_URL not postgres (and the password not echoed)',
      [],
      { DATABASE_URL: 'mysql://u:s3cret@db/x' },
      /^DATABASE_URL \/ --database-url: not a postgres:\/\/ URL$/,
    ],
    [
      'DATABASE_URL with DATA_FILE',
      ['--database-url', 'postgres://db/x'],
      { DATA_FILE: '/d.json' },
      /^DATA_FILE \/ --data-file and DATABASE_URL \/ --database-url: set one or the other/,
    ],
    [
      'PUBLIC_URL not a URL',
      [],
      { PUBLIC_URL: 'localhost:9229' },
      /^PUBLIC_URL \/ --public-url: "localhost:9229" (is not an absolute URL|must be an http or https URL)$/,
    ],
    ['PUBLIC_URL relative', [], { PUBLIC_URL: '/auth' }, /^PUBLIC_URL \/ --public-url: "\/auth" is not an absolute URL$/],
    ['unknown flag', ['--prot', '1'], {}, /^invalid command line: /],
    ['flag without value', ['--port'], {}, /^invalid command line: /],
  ];
  for (const [name, argv, env, message] of cases) {
    let caught: unknown;
    try {
      loadConfig(argv, env);
    } catch (err) {
      caught = err;
    }
    t.type(caught, StartupError, `${name}: StartupError`);
    t.match((caught as Error | undefined)?.message, message, `${name}: message`);
    t.notMatch((caught as Error | undefined)?.message ?? '', /\n/, `${name}: one line`);
  }
});
