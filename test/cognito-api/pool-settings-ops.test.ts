// Tags, log delivery, risk configuration, UI customization and the signing certificate through the
// real AWS SDK: stored, returned, scoped per client or pool-wide, and Cognito's failures.
import { X509Certificate } from 'node:crypto';
import {
  CreateUserPoolDomainCommand,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  GetSigningCertificateCommand,
  GetUICustomizationCommand,
  ListTagsForResourceCommand,
  SetLogDeliveryConfigurationCommand,
  SetRiskConfigurationCommand,
  SetUICustomizationCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { EMAIL_POOL_ID, POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { solidPng } from '../helpers/png.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const { url, deps } = await testEmulator(t, { listen: true });
const sdk = sdkClient(url);
t.teardown(() => sdk.destroy());
const ARN = `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${POOL_ID}`;

t.test("TagResource / UntagResource / ListTagsForResource share the pool's UserPoolTags", async (t) => {
  await sdk.send(new TagResourceCommand({ ResourceArn: ARN, Tags: { team: 'qa', env: 'test' } }));
  await sdk.send(new TagResourceCommand({ ResourceArn: ARN, Tags: { env: 'ci' } }));
  t.same((await sdk.send(new ListTagsForResourceCommand({ ResourceArn: ARN }))).Tags, { team: 'qa', env: 'ci' });
  t.same((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: POOL_ID }))).UserPool?.UserPoolTags, { team: 'qa', env: 'ci' });
  await sdk.send(new UntagResourceCommand({ ResourceArn: ARN, TagKeys: ['team', 'absent'] }));
  t.same((await sdk.send(new ListTagsForResourceCommand({ ResourceArn: ARN }))).Tags, { env: 'ci' });

  const tooMany = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
  await rejectsWith(
    t,
    sdk.send(new TagResourceCommand({ ResourceArn: ARN, Tags: tooMany })),
    'InvalidParameterException',
    'A user pool can have at most 50 tags.',
  );
  await rejectsWith(
    t,
    sdk.send(new ListTagsForResourceCommand({ ResourceArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Nope' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new ListTagsForResourceCommand({ ResourceArn: 'arn:aws:sns:us-east-1:000000000000:topic' })),
    'InvalidParameterException',
    'Invalid ARN: arn:aws:sns:us-east-1:000000000000:topic is not the ARN of a user pool.',
  );
  await rejectsWith(
    t,
    sdk.send(new ListTagsForResourceCommand({ ResourceArn: 'this is not an arn at all' })),
    'InvalidParameterException',
    "1 validation error detected: Value 'this is not an arn at all' at 'resourceArn' failed to satisfy constraint: Member must " +
      'satisfy regular expression pattern: ' +
      'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
  );
});

t.test('Set/GetLogDeliveryConfiguration', async (t) => {
  t.same((await sdk.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: POOL_ID }))).LogDeliveryConfiguration, {
    UserPoolId: POOL_ID,
    LogConfigurations: [],
  });
  const LogConfigurations = [
    {
      LogLevel: 'ERROR' as const,
      EventSource: 'userNotification' as const,
      CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:cognito' },
    },
    { LogLevel: 'INFO' as const, EventSource: 'userAuthEvents' as const, S3Configuration: { BucketArn: 'arn:aws:s3:::auth-logs' } },
  ];
  const set = await sdk.send(new SetLogDeliveryConfigurationCommand({ UserPoolId: POOL_ID, LogConfigurations }));
  t.same(set.LogDeliveryConfiguration, { UserPoolId: POOL_ID, LogConfigurations });
  t.same((await sdk.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: POOL_ID }))).LogDeliveryConfiguration, {
    UserPoolId: POOL_ID,
    LogConfigurations,
  });
  await rejectsWith(
    t,
    sdk.send(
      new SetLogDeliveryConfigurationCommand({ UserPoolId: POOL_ID, LogConfigurations: [LogConfigurations[0]!, LogConfigurations[0]!] }),
    ),
    'InvalidParameterException',
    'Only one log configuration per event source is allowed.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new SetLogDeliveryConfigurationCommand({
        UserPoolId: POOL_ID,
        LogConfigurations: [{ ...LogConfigurations[0]!, LogLevel: 'DEBUG' as 'INFO' }],
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value 'DEBUG' at 'logConfigurations.member.logLevel' failed to satisfy constraint: Member must " +
      'satisfy enum value set: [ERROR, INFO]',
  );
  await rejectsWith(
    t,
    sdk.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: 'us-east-1_Nope' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
});

t.test('Set/DescribeRiskConfiguration: pool-wide, per client, with the client falling back to the pool', async (t) => {
  t.same((await sdk.send(new DescribeRiskConfigurationCommand({ UserPoolId: POOL_ID }))).RiskConfiguration, { UserPoolId: POOL_ID });
  const wide = {
    CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN' as const], Actions: { EventAction: 'BLOCK' as const } },
    RiskExceptionConfiguration: { SkippedIPRangeList: ['10.0.0.0/8'] },
  };
  const set = await sdk.send(new SetRiskConfigurationCommand({ UserPoolId: POOL_ID, ...wide }));
  t.match(set.RiskConfiguration, { UserPoolId: POOL_ID, ...wide, LastModifiedDate: Date });
  t.notOk(set.RiskConfiguration?.ClientId);
  const inherited = await sdk.send(new DescribeRiskConfigurationCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT }));
  t.match(inherited.RiskConfiguration, { UserPoolId: POOL_ID, ...wide });
  t.notOk(inherited.RiskConfiguration?.ClientId, 'the pool-wide configuration applies');

  const own = { AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK' as const, Notify: false } } } };
  await sdk.send(new SetRiskConfigurationCommand({ UserPoolId: POOL_ID, ClientId: SECRET_CLIENT, ...own }));
  const described = await sdk.send(new DescribeRiskConfigurationCommand({ UserPoolId: POOL_ID, ClientId: SECRET_CLIENT }));
  t.match(described.RiskConfiguration, { UserPoolId: POOL_ID, ClientId: SECRET_CLIENT, ...own });
  t.notOk(described.RiskConfiguration?.CompromisedCredentialsRiskConfiguration, "a client's own configuration replaces the pool-wide one");

  await rejectsWith(
    t,
    sdk.send(new SetRiskConfigurationCommand({ UserPoolId: POOL_ID, ClientId: 'unknownclient0000000000000' })),
    'ResourceNotFoundException',
    'User pool client unknownclient0000000000000 does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new SetRiskConfigurationCommand({
        UserPoolId: POOL_ID,
        CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'EXPLODE' as 'BLOCK' } },
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value 'EXPLODE' at 'compromisedCredentialsRiskConfiguration.actions.eventAction' failed to satisfy " +
      'constraint: Member must satisfy enum value set: [BLOCK, NO_ACTION]',
  );
});

t.test('Set/GetUICustomization: needs a domain; per client with a pool-wide fallback; the logo at ImageUrl', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new SetUICustomizationCommand({ UserPoolId: POOL_ID, CSS: '.banner-customizable { background: red; }' })),
    'InvalidParameterException',
    'A domain must be associated with this user pool.',
  );
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: POOL_ID, Domain: 'settings-test' }));
  const css = '.banner-customizable { background: red; }';
  const logo = solidPng(4, 2);
  const set = await sdk.send(new SetUICustomizationCommand({ UserPoolId: POOL_ID, CSS: css, ImageFile: logo }));
  t.match(set.UICustomization, {
    UserPoolId: POOL_ID,
    ClientId: 'ALL',
    CSS: css,
    CSSVersion: /^\d+$/,
    CreationDate: Date,
    LastModifiedDate: Date,
  });
  const imageUrl = set.UICustomization?.ImageUrl ?? '';
  t.equal(
    imageUrl,
    `${url}/${POOL_ID}/ALL/${set.UICustomization?.CSSVersion}/assets/images/image.jpg`,
    "the logo's URL, shaped like Cognito's CloudFront one",
  );
  const image = await fetch(imageUrl);
  t.equal(image.headers.get('content-type'), 'image/png');
  t.same(Buffer.from(await image.arrayBuffer()), logo, 'the emulator serves the uploaded logo');
  t.match(
    (await sdk.send(new GetUICustomizationCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT }))).UICustomization,
    { ClientId: 'ALL', CSS: css, ImageUrl: imageUrl },
    'a client without its own gets the pool-wide one',
  );
  await sdk.send(
    new SetUICustomizationCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, CSS: '.label-customizable { color: blue; }' }),
  );
  const own = (await sdk.send(new GetUICustomizationCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT }))).UICustomization;
  t.match(own, { ClientId: PUBLIC_CLIENT, CSS: '.label-customizable { color: blue; }' });
  t.equal(own?.ImageUrl, undefined, "the client's own customization has no logo: it no longer falls back to ALL's");
  t.same((await sdk.send(new GetUICustomizationCommand({ UserPoolId: EMAIL_POOL_ID }))).UICustomization, {
    UserPoolId: EMAIL_POOL_ID,
    ClientId: 'ALL',
  });
  t.equal((await fetch(`${url}/${POOL_ID}/ALL/1/assets/images/image.jpg`)).status, 404, 'another version of the logo is not served');

  // Only the stylesheet's allowed rules and properties reach the pages.
  await sdk.send(
    new SetUICustomizationCommand({
      UserPoolId: POOL_ID,
      CSS:
        '.banner-customizable { background-color: red; position: fixed; }\n.submitButton-customizable:hover, .label-customizable ' +
        '{ color: green; font-weight: 700 }',
    }),
  );
  const version = (await sdk.send(new GetUICustomizationCommand({ UserPoolId: POOL_ID }))).UICustomization?.CSSVersion;
  const sheet = await fetch(`${url}/${POOL_ID}/ALL/${version}/assets/CSS/custom-css.css`);
  t.equal(sheet.headers.get('content-type'), 'text/css; charset=utf-8');
  t.equal(
    await sheet.text(),
    '.banner-customizable{background-color:red}\n.submitButton-customizable:hover{color:green}\n.label-customizable{font-weight:700}',
  );
});

t.test(
  'SetUICustomization refuses what Cognito refuses: other classes, at-rules, JavaScript, logos that are not PNG or JPEG',
  async (t) => {
    const refused = async (input: { CSS?: string; ImageFile?: Uint8Array }, message: string) =>
      rejectsWith(t, sdk.send(new SetUICustomizationCommand({ UserPoolId: POOL_ID, ...input })), 'InvalidParameterException', message);
    await refused({ CSS: 'body { background: red; }' }, 'Invalid CSS: body is not one of the customizable CSS classes.');
    await refused({ CSS: '.banner-customizable, .x { color: red; }' }, 'Invalid CSS: .x is not one of the customizable CSS classes.');
    await refused(
      { CSS: '.banner-customizable:active { color: red; }' },
      'Invalid CSS: .banner-customizable:active is not one of the customizable CSS classes.',
    );
    await refused({ CSS: '@import url(https://evil.example/x.css);' }, 'Invalid CSS: @import statements are not allowed in the CSS.');
    await refused(
      { CSS: '@media (min-width: 1px) { .banner-customizable { color: red; } }' },
      'Invalid CSS: @media statements are not allowed in the CSS.',
    );
    await refused(
      { CSS: '.banner-customizable { background: url(javascript:alert(1)); }' },
      'Invalid CSS: JavaScript is not allowed in the CSS.',
    );
    await refused({ CSS: '.banner-customizable { color: red; ' }, 'Invalid CSS: The CSS is not well formed.');
    await refused({ CSS: '.banner-customizable { color }' }, 'Invalid CSS: The CSS is not well formed.');
    await refused({ ImageFile: Buffer.from('GIF89a not a png') }, 'Invalid image file: the logo must be a PNG or JPEG image.');
    await refused(
      { ImageFile: Buffer.concat([solidPng(1, 1), Buffer.alloc(101 * 1024)]) },
      'Invalid image file: the logo must not be larger than 100 KB.',
    );
    const jpeg = await sdk.send(
      new SetUICustomizationCommand({
        UserPoolId: POOL_ID,
        ClientId: SECRET_CLIENT,
        ImageFile: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      }),
    );
    t.equal(
      (await fetch(jpeg.UICustomization?.ImageUrl ?? '')).headers.get('content-type'),
      'image/jpeg',
      'a JPEG logo is accepted and served as one',
    );
  },
);

t.test('GetSigningCertificate: an X.509 certificate for the key the ID tokens are signed with, the same every call', async (t) => {
  const first = (await sdk.send(new GetSigningCertificateCommand({ UserPoolId: POOL_ID }))).Certificate!;
  t.match(first, /^[A-Za-z0-9+/]+=*$/, 'base64 DER, no PEM armour');
  const cert = new X509Certificate(Buffer.from(first, 'base64'));
  t.equal(cert.subject, `CN=${POOL_ID}`);
  t.ok(cert.verify(cert.publicKey), 'self-signed');
  const keyring = await deps.keys.ensure(POOL_ID);
  t.same(cert.publicKey.export({ format: 'jwk' }), keyring.id.publicKey.export({ format: 'jwk' }), 'the ID-token signing key');
  t.ok(new Date(cert.validTo).getTime() > Date.now() + 5 * 365 * 24 * 3600 * 1000, 'valid for years');
  t.equal((await sdk.send(new GetSigningCertificateCommand({ UserPoolId: POOL_ID }))).Certificate, first, 'stable');
  await rejectsWith(
    t,
    sdk.send(new GetSigningCertificateCommand({ UserPoolId: 'us-east-1_Nope' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
});
