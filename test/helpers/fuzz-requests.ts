// fast-check generators of hostile HTTP requests for every route of the emulator (hardening/fuzz.test.ts).
// Each request starts from a valid one (so it gets past the first checks and reaches the deeper
// code) and each field is kept, replaced by a hostile value, dropped or repeated: markup markers,
// CRLF, bad percent-encoding and UTF-8, 10 kB strings, random bytes, prototype keys, arrays where
// strings are expected. Bodies come in the wrong content types, broken, deeply nested or random.
import fc from 'fast-check';
import { OPERATIONS } from '../../src/cognito-api/operations/index.js';
import {
  API,
  CALLBACK,
  EMAIL_POOL_ID,
  LOGOUT_URL,
  M2M_CLIENT,
  M2M_SECRET,
  NO_REVOKE_CLIENT,
  PASSWORD,
  POOL_ID,
  PUBLIC_CLIENT,
  SECRET,
  SECRET_CLIENT,
} from './fixtures/index.js';

export interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  url: string;
  headers: Record<string, string>;
  payload?: Buffer;
}

/** Markers that must never come back unescaped in an HTML page. */
export const MARKERS = ['<x-evil>', '"><script>alert(1)</script>', "'><x-evil a='", '" x-evil="1', '</style><x-evil>', '<!--<x-evil>-->'];

const SPECIAL = [
  '',
  ' ',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%FF%FE',
  '%00',
  '\u0000',
  '\r\nSet-Cookie: evil=1',
  '%0d%0aX-Injected:%201',
  '\uD800',
  '\uDFFF\uD800',
  '\u2028\u2029',
  '🦄',
  'javascript:alert(1)',
  '//evil.example',
  'https://evil.example/',
  '/\\evil.example',
  '\\\\evil.example',
  'http://localhost:3000/callback/../evil',
  `${CALLBACK}?next=https://evil.example`,
  `${CALLBACK}#<x-evil>`,
  'HTTP://LOCALHOST:3000/callback',
  `${CALLBACK} `,
  `${LOGOUT_URL}@evil.example`,
  `${LOGOUT_URL}evil`,
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '[object Object]',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  'true',
  '*',
  '../../etc/passwd',
  '${7*7}',
  '{{7*7}}',
  "' OR '1'='1",
  'A'.repeat(10_240),
  `<x-evil>${'B'.repeat(10_240)}`,
];

/** Real codes, tokens, sessions and challenges, filled (and refilled after resets) by the test. */
export const LIVE = {
  code: [] as string[],
  access: [] as string[],
  id: [] as string[],
  refresh: [] as string[],
  session: [] as string[],
  challenge: [] as string[],
};

/** One of a list that may still be filled later (LIVE): picked at generation time, not at construction. */
const oneOf = (list: readonly string[]): fc.Arbitrary<string> => fc.nat().map((i) => list[i % Math.max(1, list.length)] ?? '');

const KNOWN = [
  POOL_ID,
  EMAIL_POOL_ID,
  PUBLIC_CLIENT,
  SECRET_CLIENT,
  M2M_CLIENT,
  SECRET,
  M2M_SECRET,
  CALLBACK,
  'myapp://callback',
  LOGOUT_URL,
  'code',
  'token',
  'openid',
  'openid email profile',
  `${API}/read`,
  'S256',
  'alice',
  'bob',
  'carol',
  'erin@example.com',
  PASSWORD,
  'TempPassw0rd!',
  'NewPassw0rd!',
  'authorization_code',
  'refresh_token',
  'client_credentials',
  'admins',
  'login',
  'none',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...MARKERS, ...SPECIAL) },
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.values(LIVE)).chain(oneOf) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...KNOWN), fc.constantFrom(...MARKERS, ...SPECIAL)).map(([a, b]) => a + b) },
);

/** An accepted value most of the time, else anything hostile. */
const valueFor = (good: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: oneOf(good) }, { weight: 2, arbitrary: hostileString });

/** Percent-encodes like URLSearchParams, but survives lone surrogates (sent as %ED%A0%80, invalid UTF-8). */
function encode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`))
    .join('');
}

const BAD_ESCAPES = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%ED%A0%80', '%0D%0A', '%00', '%2', '+%+'];

type Fields = Record<string, readonly string[]>;

/**
 * The fields of a valid request (optional ones present now and then), with up to three of them
 * replaced by a hostile value, dropped or repeated, and sometimes an extra pair.
 */
function mutated(fields: Fields, optional: readonly string[]): fc.Arbitrary<Array<[string, string]>> {
  const names = Object.keys(fields);
  const mutation = fc.tuple(
    fc.nat(names.length - 1),
    fc.constantFrom('replace', 'replace', 'drop', 'repeat', 'extra'),
    hostileString,
    fc.oneof(
      fc.constantFrom(...names),
      fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[]', 'polluted'),
      hostileString,
    ),
  );
  return fc
    .tuple(
      fc.tuple(...names.map((n) => fc.tuple(oneOf(fields[n] ?? []), fc.nat(9)))),
      fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
    )
    .map(([values, mutations]) => {
      const list: Array<[string, string]> = names.flatMap((n, i) => {
        const [value, roll] = values[i] ?? ['', 0];
        return optional.includes(n) && roll >= 3 ? [] : [[n, value] as [string, string]];
      });
      for (const [index, kind, hostile, extraName] of mutations) {
        const name = names[index] ?? '';
        const at = list.findIndex(([n]) => n === name);
        if (kind === 'replace' && at >= 0) list[at] = [name, hostile];
        else if (kind === 'replace') list.push([name, hostile]);
        else if (kind === 'drop' && at >= 0) list.splice(at, 1);
        else if (kind === 'repeat') list.push([name, at >= 0 ? hostile : (fields[name]?.[0] ?? '')], [name, hostile]);
        else if (kind === 'extra') list.push([extraName, hostile]);
      }
      // PKCE's two parameters come together in a valid request.
      const has = (n: string) => list.some(([k]) => k === n);
      if (has('code_challenge') !== has('code_challenge_method') && fields.code_challenge && fields.code_challenge_method) {
        if (!has('code_challenge')) list.push(['code_challenge', fields.code_challenge[0] ?? '']);
        else list.push(['code_challenge_method', 'S256']);
      }
      return list;
    });
}

/** A query string or form body; in a quarter of them one pair carries broken escapes or has no "=". */
function pairs(fields: Fields, optional: readonly string[] = []): fc.Arbitrary<string> {
  return fc.tuple(mutated(fields, optional), fc.nat(15), fc.nat(1)).map(([list, broken, how]) =>
    list
      .map(([n, v], i) => {
        if (i === broken % 4 && broken < 4)
          return how === 0 ? `${encode(n)}=${encode(v)}${BAD_ESCAPES[v.length % BAD_ESCAPES.length]}` : encode(n);
        return `${encode(n)}=${encode(v)}`;
      })
      .join('&'),
  );
}

/** Header values must be latin1 without CR/LF to be sent at all; the hostile part is what remains. */
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

const JSON_TYPES = ['application/json', 'application/x-amz-json-1.1', 'application/x-amz-json-1.0'];
const FORM = 'application/x-www-form-urlencoded';
const CONTENT_TYPES = [
  FORM,
  `${FORM}; charset=latin1`,
  ...JSON_TYPES,
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/html',
  '*/*',
  'application/octet-stream',
  'form',
  ';;;',
  'application/json; charset=utf-16',
  FORM.toUpperCase(),
];

const cookieHeader = fc
  .tuple(
    fc.option(valueFor(['tok'])),
    fc.option(valueFor(LIVE.session)),
    fc.array(fc.tuple(fc.constantFrom('XSRF-TOKEN', 'cognito', '__proto__', 'constructor', 'polluted'), hostileString), { maxLength: 2 }),
  )
  .map(([xsrf, session, extra]) =>
    headerSafe(
      [...(xsrf !== null ? [['XSRF-TOKEN', xsrf]] : []), ...(session !== null ? [['cognito', session]] : []), ...extra]
        .map(([k, v]) => `${k}=${(v ?? '').slice(0, 600)}`)
        .join('; '),
    ),
  );

const authorization = fc.oneof(
  fc
    .tuple(valueFor([PUBLIC_CLIENT, SECRET_CLIENT, M2M_CLIENT]), valueFor([SECRET, M2M_SECRET]))
    .map(([id, secret]) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`),
  hostileString.map((s) => `Basic ${headerSafe(s)}`),
  valueFor(LIVE.access).map((s) => `Bearer ${headerSafe(s)}`),
  fc.constantFrom('Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'Basic', 'Bearer', `Basic ${'A'.repeat(9000)}`, 'Digest x'),
);

/** Optional hostile headers on any request; the first content type listed is the usual one. */
const headers = (contentTypes: string[]): fc.Arbitrary<Record<string, string>> =>
  fc.record(
    {
      'content-type': fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...contentTypes) },
        { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        { weight: 1, arbitrary: hostileString.map(headerSafe) },
      ),
      cookie: cookieHeader,
      authorization,
      'x-amz-target': fc.oneof(
        fc.constantFrom(...Object.keys(OPERATIONS)).map((op) => `AWSCognitoIdentityProviderService.${op}`),
        hostileString.map(headerSafe),
      ),
      origin: fc.constantFrom('http://localhost:3000', 'https://evil.example', 'null'),
      'x-forwarded-proto': fc.constantFrom('https', 'javascript', 'http'),
      'accept-language': hostileString.map(headerSafe),
    },
    { requiredKeys: [] },
  );

const DEEP = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
const POLLUTERS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":{"__proto__":{"polluted":"yes"}}}',
  '[{"__proto__":{"polluted":"yes"}}]',
];

/** A JSON value that mixes accepted shapes with hostile ones. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.oneof(hostileString, fc.constantFrom('Name', 'Value', 'toString', 'valueOf')), tie('value'), {
        maxKeys: 4,
        noNullPrototype: true,
      }),
    },
  ),
})).value;

/** A body: usually what the route parses, sometimes JSON instead, broken, deep, huge-ish, random or absent. */
function body(form: fc.Arbitrary<string>, json: fc.Arbitrary<unknown>): fc.Arbitrary<Buffer | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: form.map((s) => Buffer.from(s)) },
    { weight: 2, arbitrary: json.map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(DEEP, DEEP_OBJECT, ...POLLUTERS, '{', '[1,', '"', 'null', '', '\uFEFF{}', '{"a":1}{"b":2}')
        .map((s) => Buffer.from(s)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
    // a=<bad UTF-8>&b=<surrogate>
    { weight: 1, arbitrary: fc.constant(Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0xc0, 0xaf, 0x26, 0x62, 0x3d, 0xed, 0xa0, 0x80])) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const anyJson = fc.oneof(jsonValue, fc.dictionary(hostileString, jsonValue, { maxKeys: 5, noNullPrototype: true }));
const q = (s: string) => (s === '' ? '' : `?${s}`);

const AUTHORIZE: Fields = {
  response_type: ['code', 'code', 'token'],
  client_id: [PUBLIC_CLIENT, PUBLIC_CLIENT, PUBLIC_CLIENT, SECRET_CLIENT, NO_REVOKE_CLIENT, 'emailclient000000000000000'],
  redirect_uri: [CALLBACK, 'myapp://callback'],
  scope: ['openid', 'openid email profile', `openid ${API}/read`],
  state: ['xyz', 'a b&c=d'],
  nonce: ['n-0S6'],
  code_challenge: ['E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'],
  code_challenge_method: ['S256'],
  prompt: ['login', 'none'],
  login_hint: ['alice'],
  identity_provider: ['COGNITO'],
};
const AUTHORIZE_OPTIONAL = [
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'login_hint',
  'identity_provider',
];
const authorizeQuery = pairs(AUTHORIZE, AUTHORIZE_OPTIONAL);
const USERS = ['alice', 'alice', 'bob', 'carol', 'dave', 'alice@example.com', 'nobody'];
const PASSWORDS = [PASSWORD, PASSWORD, 'TempPassw0rd!', 'NewPassw0rd!', 'wrong'];

const page = (
  method: FuzzRequest['method'],
  path: string,
  query: fc.Arbitrary<string>,
  form?: fc.Arbitrary<string>,
): fc.Arbitrary<FuzzRequest> =>
  fc
    .tuple(query, headers(form ? [FORM] : ['text/html']), form ? body(form, anyJson) : fc.constant(undefined))
    .map(([qs, h, payload]) => ({ method, url: path + q(qs), headers: h, ...(payload ? { payload } : {}) }));

export const browserRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  page('GET', '/oauth2/authorize', authorizeQuery),
  page('GET', '/login', authorizeQuery),
  page(
    'POST',
    '/login',
    authorizeQuery,
    pairs({ _csrf: ['tok'], username: USERS, password: PASSWORDS, cognitoAsfData: [''], signInSubmitButton: ['Sign in'] }),
  ),
  page(
    'POST',
    '/forceChangePassword',
    authorizeQuery,
    pairs({ _csrf: ['tok'], challenge: LIVE.challenge, password: ['NewPassw0rd!', 'short'], confirmPassword: ['NewPassw0rd!'] }),
  ),
  page('GET', '/signup', authorizeQuery),
  page(
    'POST',
    '/signup',
    authorizeQuery,
    pairs({ _csrf: ['tok'], username: USERS, password: PASSWORDS, 'requiredAttributes[email]': ['x@example.com', 'bad'] }),
  ),
  page('GET', '/confirm', pairs({ ...AUTHORIZE, username: USERS }, [...AUTHORIZE_OPTIONAL, 'username'])),
  page('POST', '/confirm', authorizeQuery, pairs({ _csrf: ['tok'], username: USERS, code: ['123456', ''] })),
  page('POST', '/resendcode', authorizeQuery, pairs({ _csrf: ['tok'], username: USERS })),
  page('GET', '/forgotPassword', authorizeQuery),
  page('POST', '/forgotPassword', authorizeQuery, pairs({ _csrf: ['tok'], username: USERS })),
  page('GET', '/confirmForgotPassword', pairs({ ...AUTHORIZE, username: USERS }, [...AUTHORIZE_OPTIONAL, 'username'])),
  page(
    'POST',
    '/confirmForgotPassword',
    authorizeQuery,
    pairs({ _csrf: ['tok'], username: USERS, code: ['123456'], password: PASSWORDS, confirmPassword: PASSWORDS }),
  ),
  page(
    'GET',
    '/logout',
    pairs({ ...AUTHORIZE, logout_uri: [LOGOUT_URL] }, [...AUTHORIZE_OPTIONAL, 'redirect_uri', 'response_type', 'logout_uri']),
  ),
  page('GET', '/error', pairs({ error: ['invalid_request', 'redirect_mismatch'], client_id: [PUBLIC_CLIENT] }, ['client_id'])),
);

const OAUTH_METHODS = ['POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;
const oauth = (path: string, fields: Fields, optional: string[]): fc.Arbitrary<FuzzRequest> =>
  fc
    .tuple(
      fc.constantFrom(...OAUTH_METHODS),
      headers([FORM]),
      body(pairs(fields, optional), anyJson),
      fc.option(pairs({ client_id: [PUBLIC_CLIENT] })),
    )
    .map(([method, h, payload, query]) => ({
      method,
      url: path + q(query ?? ''),
      headers: h,
      ...(payload && method !== 'GET' && method !== 'HEAD' ? { payload } : {}),
    }));

export const oauthRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  oauth(
    '/oauth2/token',
    {
      grant_type: ['authorization_code'],
      code: LIVE.code,
      redirect_uri: [CALLBACK],
      client_id: [PUBLIC_CLIENT],
      code_verifier: ['x'.repeat(43)],
    },
    ['code_verifier'],
  ),
  oauth('/oauth2/token', { grant_type: ['refresh_token'], refresh_token: LIVE.refresh, client_id: [PUBLIC_CLIENT], scope: ['openid'] }, [
    'scope',
  ]),
  oauth(
    '/oauth2/token',
    {
      grant_type: ['client_credentials'],
      client_id: [M2M_CLIENT],
      client_secret: [M2M_SECRET],
      scope: [`${API}/read`, `${API}/write openid`],
    },
    ['scope'],
  ),
  oauth('/oauth2/revoke', { token: LIVE.refresh, client_id: [PUBLIC_CLIENT, NO_REVOKE_CLIENT], client_secret: [SECRET, ''] }, [
    'client_secret',
  ]),
  oauth('/oauth2/userInfo', { access_token: LIVE.access }, []),
);

const API_KEYS = [
  'Password',
  'TemporaryPassword',
  'Permanent',
  'UserAttributes',
  'UserAttributeNames',
  'AccessToken',
  'AuthFlow',
  'AuthParameters',
  'ChallengeName',
  'ChallengeResponses',
  'Session',
  'ConfirmationCode',
  'Code',
  'GroupName',
  'Precedence',
  'Description',
  'RoleArn',
  'Identifier',
  'Name',
  'Scopes',
  'Domain',
  'Filter',
  'Limit',
  'PaginationToken',
  'MaxResults',
  'NextToken',
  'PoolName',
  'ClientName',
  'GenerateSecret',
  'CallbackURLs',
  'LogoutURLs',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'ExplicitAuthFlows',
  'AttributeName',
  'AttributesToGet',
  'MessageAction',
  'DesiredDeliveryMediums',
  'PreviousPassword',
  'ProposedPassword',
  'SecretHash',
  'Token',
  'ClientSecret',
  'UsernameAttributes',
  'AliasAttributes',
  'AutoVerifiedAttributes',
  'ReadAttributes',
  'WriteAttributes',
  'AccessTokenValidity',
  'IdTokenValidity',
  'RefreshTokenValidity',
  'TokenValidityUnits',
  'EnableTokenRevocation',
  'DeletionProtection',
  'UserPoolTags',
  'Policies',
  'ClientMetadata',
  'ForceAliasCreation',
  'constructor',
  'toString',
  'hasOwnProperty',
];
const API_GOOD = [
  ...KNOWN,
  'USER_PASSWORD_AUTH',
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'ADMIN_USER_PASSWORD_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'PASSWORD_VERIFIER',
  'SUPPRESS',
  'RESEND',
  'email = "alice@example.com"',
  'username ^= "a"',
  '123456',
];

const authParameters = fc
  .tuple(
    mutated(
      {
        USERNAME: USERS,
        PASSWORD: PASSWORDS,
        SECRET_HASH: ['c2VjcmV0'],
        SRP_A: ['ab'.repeat(192)],
        REFRESH_TOKEN: LIVE.refresh,
        NEW_PASSWORD: ['NewPassw0rd!'],
        'userAttributes.email': ['new@example.com'],
        PASSWORD_CLAIM_SIGNATURE: ['c2ln'],
        PASSWORD_CLAIM_SECRET_BLOCK: ['YmxvY2s='],
        TIMESTAMP: ['Mon Jan 1 00:00:00 UTC 2024'],
      },
      [
        'SECRET_HASH',
        'SRP_A',
        'REFRESH_TOKEN',
        'NEW_PASSWORD',
        'userAttributes.email',
        'PASSWORD_CLAIM_SIGNATURE',
        'PASSWORD_CLAIM_SECRET_BLOCK',
        'TIMESTAMP',
      ],
    ),
  )
  .map(([list]) => Object.fromEntries(list));

const attributeList = fc.array(
  fc.record({
    Name: valueFor(['email', 'given_name', 'custom:tier', 'email_verified', 'sub', 'phone_number']),
    Value: valueFor(['x@example.com', 'true', 'Al', '+15555550199']),
  }),
  { maxLength: 3 },
);
const apiField: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: valueFor(API_GOOD) },
  { weight: 2, arbitrary: jsonValue },
  { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.integer({ min: -5, max: 400 })) },
  { weight: 1, arbitrary: authParameters },
  { weight: 1, arbitrary: fc.array(valueFor(API_GOOD), { maxLength: 4 }) },
  { weight: 1, arbitrary: attributeList },
);

/** The shape each member usually has (so calls succeed now and then), else any shape at all. */
function typedField(name: string): fc.Arbitrary<unknown> {
  const usual = ((): fc.Arbitrary<unknown> => {
    if (name === 'AuthFlow')
      return valueFor([
        'USER_PASSWORD_AUTH',
        'USER_SRP_AUTH',
        'REFRESH_TOKEN_AUTH',
        'REFRESH_TOKEN',
        'ADMIN_USER_PASSWORD_AUTH',
        'ADMIN_NO_SRP_AUTH',
        'CUSTOM_AUTH',
      ]);
    if (name === 'AuthParameters' || name === 'ChallengeResponses') return authParameters;
    if (name === 'ChallengeName') return valueFor(['NEW_PASSWORD_REQUIRED', 'PASSWORD_VERIFIER', 'SMS_MFA']);
    if (/Password$/.test(name)) return valueFor(PASSWORDS);
    if (name === 'UserAttributes') return attributeList;
    if (/^(Permanent|GenerateSecret|AllowedOAuthFlowsUserPoolClient|EnableTokenRevocation|ForceAliasCreation)$/.test(name))
      return fc.boolean();
    if (/^(Precedence|Limit|MaxResults)$|Validity$/.test(name)) return fc.integer({ min: -2, max: 400 });
    if (/s$/.test(name) && name !== 'Scopes') return fc.array(valueFor(API_GOOD), { maxLength: 4 });
    return valueFor(API_GOOD);
  })();
  return fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: apiField });
}

/** UserPoolId, ClientId, Username and tokens from a valid call, mutated, plus other members of the usual or any shape. */
export const apiInput: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    mutated(
      {
        UserPoolId: [POOL_ID, EMAIL_POOL_ID],
        ClientId: [PUBLIC_CLIENT, SECRET_CLIENT, M2M_CLIENT],
        Username: [...USERS, 'new-user', 'x@example.com'],
        AccessToken: LIVE.access,
      },
      ['ClientId', 'Username', 'AccessToken'],
    ),
    fc.array(
      fc.constantFrom(...API_KEYS).chain((k) => fc.tuple(fc.constant(k), typedField(k))),
      { maxLength: 5 },
    ),
  )
  .map(([base, extra]) => {
    const input: Record<string, unknown> = {};
    // defineProperty: "constructor" or "toString" become plain members, as JSON.parse would make them.
    for (const [k, v] of [...base, ...extra])
      Object.defineProperty(input, k, { value: v, enumerable: true, writable: true, configurable: true });
    return input;
  });

/** Shapes a JSON parser accepts but code expecting strings may trip on, in the members read first. */
const awkwardMembers = fc
  .tuple(
    fc.constantFrom('UserPoolId', 'Username', 'ClientId', 'AccessToken', 'AuthFlow'),
    fc.constantFrom(
      DEEP,
      DEEP_OBJECT,
      '{"toString":1}',
      '{"valueOf":null,"toString":null}',
      '{"toString":"x"}',
      '[{"toString":1}]',
      '[[[["a"]]]]',
      '{}',
      '[]',
      '1e308',
      '-0',
      '123456789012345678901234567890',
      'true',
      'null',
      '"\\ud800"',
      '"\\u0000"',
    ),
  )
  .map(([name, raw]) => `{"UserPoolId":"${POOL_ID}","${name}":${raw},"Username":"alice"}`);

export const apiRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...Object.keys(OPERATIONS)) }, { weight: 1, arbitrary: hostileString }),
    headers(JSON_TYPES),
    fc.oneof(
      { weight: 8, arbitrary: apiInput.map((v) => Buffer.from(JSON.stringify(v))) },
      { weight: 1, arbitrary: awkwardMembers.map((v) => Buffer.from(v)) },
      { weight: 1, arbitrary: body(pairs({ UserPoolId: [POOL_ID], Username: USERS }), anyJson) },
    ),
  )
  .map(([op, h, payload]) => ({
    method: 'POST' as const,
    url: '/',
    headers: { ...h, 'x-amz-target': headerSafe(`AWSCognitoIdentityProviderService.${op}`) },
    ...(payload ? { payload } : {}),
  }));

const CONTROL = [
  '/_emulator/reset',
  '/_emulator/clock',
  '/_emulator/tokens',
  '/_emulator/faults',
  '/_emulator/codes',
  '/_emulator/sessions',
  '/_emulator/messages',
  '/health',
];
const jsonPost = (path: string, json: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzRequest> =>
  fc.tuple(json, headers(['application/json']), fc.nat(9)).chain(([value, h, roll]) =>
    (roll === 0 ? body(fc.constant(''), anyJson) : fc.constant(Buffer.from(JSON.stringify(value) ?? 'null'))).map((payload) => ({
      method: 'POST' as const,
      url: path,
      headers: h,
      ...(payload ? { payload } : {}),
    })),
  );
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e308, -1e308, 8.64e12, -8.64e12, 2 ** 53, 3600, -3600), jsonValue);

/** Well-known documents, /health, the control API, and paths or methods nobody serves. */
export const otherRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc
    .tuple(valueFor([POOL_ID, EMAIL_POOL_ID]), fc.constantFrom('openid-configuration', 'jwks.json'), headers(['application/json']))
    .map(([pool, doc, h]) => ({ method: 'GET' as const, url: `/${encode(pool).slice(0, 3000)}/.well-known/${doc}`, headers: h })),
  jsonPost(
    '/_emulator/clock',
    fc.oneof(
      fc.record({ offsetSeconds: anyNumber }),
      fc.record({
        now: fc.oneof(
          hostileString,
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
          fc.constantFrom('+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00Z'),
        ),
      }),
      fc.record({ offsetSeconds: anyNumber, now: hostileString }, { requiredKeys: [] }),
    ),
  ),
  jsonPost(
    '/_emulator/tokens',
    fc.record(
      {
        userPoolId: valueFor([POOL_ID, EMAIL_POOL_ID]),
        clientId: valueFor([PUBLIC_CLIENT, M2M_CLIENT]),
        username: fc.oneof(valueFor(USERS), jsonValue),
        scopes: fc.oneof(fc.array(valueFor(['openid', 'email', `${API}/read`, 'aws.cognito.signin.user.admin'])), jsonValue),
      },
      { requiredKeys: ['userPoolId', 'clientId'] },
    ),
  ),
  jsonPost(
    '/_emulator/faults',
    fc.record(
      {
        route: valueFor(['/oauth2/token', '/login']),
        operation: valueFor(['InitiateAuth']),
        error: valueFor(['invalid_grant', 'NotAuthorizedException']),
        status: anyNumber,
        delayMs: anyNumber,
        count: anyNumber,
        message: hostileString,
      },
      { requiredKeys: [] },
    ),
  ),
  fc
    .tuple(
      fc.constantFrom(...CONTROL),
      fc.constantFrom('GET', 'POST', 'DELETE', 'PUT') as fc.Arbitrary<FuzzRequest['method']>,
      pairs({ userPoolId: [POOL_ID], username: ['alice', 'alice@example.com'] }, ['userPoolId', 'username']),
      headers(['application/json']),
    )
    .chain(([path, method, query, h]) =>
      body(fc.constant(''), anyJson).map((payload) => ({
        method,
        url: `${path}${q(query)}`,
        headers: h,
        ...(payload && method !== 'GET' ? { payload } : {}),
      })),
    ),
  fc
    .tuple(
      hostileString,
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') as fc.Arbitrary<FuzzRequest['method']>,
      headers(CONTENT_TYPES),
    )
    .map(([path, method, h]) => ({ method, url: `/${encode(path).slice(0, 3000)}`, headers: h })),
);
