// Terms documents and managed-login branding styles through the real AWS SDK: stored per app
// client, returned, updated, listed, deleted, and Cognito's failures.
import {
  CreateManagedLoginBrandingCommand,
  CreateTermsCommand,
  DeleteManagedLoginBrandingCommand,
  DeleteTermsCommand,
  DescribeManagedLoginBrandingByClientCommand,
  DescribeManagedLoginBrandingCommand,
  DescribeTermsByClientCommand,
  DescribeTermsCommand,
  ListTermsCommand,
  UpdateManagedLoginBrandingCommand,
  UpdateTermsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const { url } = await testEmulator(t, { listen: true });
const sdk = sdkClient(url);
t.teardown(() => sdk.destroy());
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MISSING = '00000000-0000-4000-8000-000000000000';

t.test('terms: create, describe, by client, list, update, delete', async (t) => {
  const links = { 'cognito:default': 'https://example.com/terms', 'cognito:spanish': 'https://example.com/es/terms' };
  const created = (
    await sdk.send(
      new CreateTermsCommand({
        UserPoolId: POOL_ID,
        ClientId: PUBLIC_CLIENT,
        TermsName: 'terms-of-use',
        TermsSource: 'LINK',
        Enforcement: 'NONE',
        Links: links,
      }),
    )
  ).Terms!;
  t.match(created, {
    TermsId: UUID4,
    UserPoolId: POOL_ID,
    ClientId: PUBLIC_CLIENT,
    TermsName: 'terms-of-use',
    TermsSource: 'LINK',
    Enforcement: 'NONE',
    Links: links,
    CreationDate: Date,
    LastModifiedDate: Date,
  });
  const privacy = (
    await sdk.send(
      new CreateTermsCommand({
        UserPoolId: POOL_ID,
        ClientId: PUBLIC_CLIENT,
        TermsName: 'privacy-policy',
        TermsSource: 'LINK',
        Enforcement: 'NONE',
        Links: { 'cognito:default': 'https://example.com/privacy' },
      }),
    )
  ).Terms!;
  t.same((await sdk.send(new DescribeTermsCommand({ UserPoolId: POOL_ID, TermsId: created.TermsId }))).Terms, created);
  t.same(
    (await sdk.send(new DescribeTermsByClientCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, TermsName: 'privacy-policy' }))).Terms,
    privacy,
  );

  const listed = await sdk.send(new ListTermsCommand({ UserPoolId: POOL_ID, MaxResults: 1 }));
  t.equal(listed.Terms?.length, 1);
  t.ok(listed.NextToken);
  const rest = await sdk.send(new ListTermsCommand({ UserPoolId: POOL_ID, NextToken: listed.NextToken }));
  t.same([...listed.Terms!, ...rest.Terms!].map((x) => x.TermsId).sort(), [created.TermsId, privacy.TermsId].sort());
  t.same(Object.keys(rest.Terms![0]!).sort(), ['CreationDate', 'Enforcement', 'LastModifiedDate', 'TermsId', 'TermsName']);

  const updated = (
    await sdk.send(
      new UpdateTermsCommand({ UserPoolId: POOL_ID, TermsId: created.TermsId, Links: { 'cognito:default': 'https://example.com/v2' } }),
    )
  ).Terms!;
  t.same(updated.Links, { 'cognito:default': 'https://example.com/v2' });
  t.equal(updated.TermsName, 'terms-of-use', 'omitted members kept');
  await rejectsWith(
    t,
    sdk.send(new UpdateTermsCommand({ UserPoolId: POOL_ID, TermsId: created.TermsId, TermsName: 'privacy-policy' })),
    'TermsExistsException',
    `Terms privacy-policy already exist for client ${PUBLIC_CLIENT}.`,
  );

  await sdk.send(new DeleteTermsCommand({ UserPoolId: POOL_ID, TermsId: created.TermsId }));
  await rejectsWith(
    t,
    sdk.send(new DescribeTermsCommand({ UserPoolId: POOL_ID, TermsId: created.TermsId })),
    'ResourceNotFoundException',
    `Terms ${created.TermsId} do not exist.`,
  );
});

t.test('terms: Cognito refuses', async (t) => {
  const base = {
    UserPoolId: POOL_ID,
    ClientId: SECRET_CLIENT,
    TermsName: 'terms-of-use',
    TermsSource: 'LINK' as const,
    Enforcement: 'NONE' as const,
    Links: { 'cognito:default': 'https://example.com' },
  };
  await sdk.send(new CreateTermsCommand(base));
  await rejectsWith(
    t,
    sdk.send(new CreateTermsCommand(base)),
    'TermsExistsException',
    `Terms terms-of-use already exist for client ${SECRET_CLIENT}.`,
  );
  await rejectsWith(
    t,
    sdk.send(new CreateTermsCommand({ ...base, TermsName: 'cookie-policy' })),
    'InvalidParameterException',
    "1 validation error detected: Value 'cookie-policy' at 'termsName' failed to satisfy constraint: Member must satisfy regular " +
      'expression pattern: ^(terms-of-use|privacy-policy)$',
  );
  await rejectsWith(
    t,
    sdk.send(new CreateTermsCommand({ ...base, TermsName: 'privacy-policy', Links: { 'cognito:klingon': 'https://example.com' } })),
    'InvalidParameterException',
    "1 validation error detected: Value 'cognito:klingon' at 'links' failed to satisfy constraint: Map keys must satisfy constraint: " +
      '[Member must satisfy regular expression pattern: ' +
      '^cognito:(default|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil|chinese-(simplified|t' +
      'raditional))$]',
  );
  await rejectsWith(
    t,
    sdk.send(new CreateTermsCommand({ ...base, ClientId: 'unknownclient0000000000000' })),
    'ResourceNotFoundException',
    'User pool client unknownclient0000000000000 does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new DescribeTermsCommand({ UserPoolId: POOL_ID, TermsId: MISSING })),
    'ResourceNotFoundException',
    `Terms ${MISSING} do not exist.`,
  );
  await rejectsWith(
    t,
    sdk.send(new DescribeTermsCommand({ UserPoolId: POOL_ID, TermsId: 'not-a-uuid' })),
    'InvalidParameterException',
    "1 validation error detected: Value 'not-a-uuid' at 'termsId' failed to satisfy constraint: Member must satisfy regular " +
      'expression pattern: ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$',
  );
  await rejectsWith(
    t,
    sdk.send(new DescribeTermsByClientCommand({ UserPoolId: POOL_ID, ClientId: SECRET_CLIENT, TermsName: 'privacy-policy' })),
    'ResourceNotFoundException',
    `Terms privacy-policy do not exist for client ${SECRET_CLIENT}.`,
  );
});

t.test('managed-login branding: one style per client, stored, updated in place, deleted', async (t) => {
  const settings = { components: { primaryButton: { lightMode: { defaults: { backgroundColor: '0972d3ff' } } } } };
  const logo = { Category: 'FORM_LOGO' as const, ColorMode: 'LIGHT' as const, Extension: 'PNG' as const, Bytes: Buffer.from('logo') };
  const created = (
    await sdk.send(
      new CreateManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, Settings: settings, Assets: [logo] }),
    )
  ).ManagedLoginBranding!;
  t.match(created, {
    ManagedLoginBrandingId: UUID4,
    UserPoolId: POOL_ID,
    UseCognitoProvidedValues: false,
    Settings: settings,
    CreationDate: Date,
    LastModifiedDate: Date,
  });
  t.same(
    created.Assets?.map((a) => [a.Category, a.ColorMode, a.Extension, Buffer.from(a.Bytes!).toString()]),
    [['FORM_LOGO', 'LIGHT', 'PNG', 'logo']],
  );
  const id = created.ManagedLoginBrandingId!;
  t.same(
    (await sdk.send(new DescribeManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ManagedLoginBrandingId: id }))).ManagedLoginBranding,
    created,
  );
  t.same(
    (await sdk.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT })))
      .ManagedLoginBranding,
    created,
  );

  const dark = { Category: 'FORM_LOGO' as const, ColorMode: 'DARK' as const, Extension: 'SVG' as const, Bytes: Buffer.from('<svg/>') };
  const updated = (
    await sdk.send(new UpdateManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ManagedLoginBrandingId: id, Assets: [dark] }))
  ).ManagedLoginBranding!;
  t.same(updated.Settings, settings, 'settings not given are kept');
  t.same(
    updated.Assets?.map((a) => a.ColorMode),
    ['LIGHT', 'DARK'],
    'an asset of another colour mode is added',
  );
  const reset = (
    await sdk.send(
      new UpdateManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ManagedLoginBrandingId: id, UseCognitoProvidedValues: true }),
    )
  ).ManagedLoginBranding!;
  t.match(reset, { UseCognitoProvidedValues: true, Assets: [] });
  t.notOk(reset.Settings);

  await rejectsWith(
    t,
    sdk.send(new CreateManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, UseCognitoProvidedValues: true })),
    'ManagedLoginBrandingExistsException',
    `A managed login branding style already exists for client ${PUBLIC_CLIENT}.`,
  );
  await sdk.send(new DeleteManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ManagedLoginBrandingId: id }));
  await rejectsWith(
    t,
    sdk.send(new DescribeManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ManagedLoginBrandingId: id })),
    'ResourceNotFoundException',
    `Managed login branding ${id} does not exist.`,
  );
});

t.test('managed-login branding: Cognito refuses', async (t) => {
  await rejectsWith(
    t,
    sdk.send(
      new CreateManagedLoginBrandingCommand({
        UserPoolId: POOL_ID,
        ClientId: SECRET_CLIENT,
        UseCognitoProvidedValues: true,
        Settings: { a: 1 },
      }),
    ),
    'InvalidParameterException',
    'Settings and Assets must be omitted when UseCognitoProvidedValues is true.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new CreateManagedLoginBrandingCommand({
        UserPoolId: POOL_ID,
        ClientId: SECRET_CLIENT,
        Assets: [{ Category: 'BANNER' as 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }],
      }),
    ),
    'InvalidParameterException',
    "1 validation error detected: Value 'BANNER' at 'assets.1.member.category' failed to satisfy constraint: Member must satisfy " +
      'enum value set: [FAVICON_ICO, FAVICON_SVG, EMAIL_GRAPHIC, SMS_GRAPHIC, AUTH_APP_GRAPHIC, PASSWORD_GRAPHIC, PASSKEY_GRAPHIC, ' +
      'PAGE_HEADER_LOGO, PAGE_HEADER_BACKGROUND, PAGE_FOOTER_LOGO, PAGE_FOOTER_BACKGROUND, PAGE_BACKGROUND, FORM_BACKGROUND, ' +
      'FORM_LOGO, IDP_BUTTON_ICON]',
  );
  await rejectsWith(
    t,
    sdk.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: POOL_ID, ClientId: SECRET_CLIENT })),
    'ResourceNotFoundException',
    `No managed login branding style exists for client ${SECRET_CLIENT}.`,
  );
  await rejectsWith(
    t,
    sdk.send(
      new DescribeManagedLoginBrandingCommand({ UserPoolId: POOL_ID, ManagedLoginBrandingId: MISSING, ReturnMergedResources: true }),
    ),
    'InvalidParameterException',
    "ReturnMergedResources is not supported by cognito-emulator: Cognito's default style document is not published.",
  );
  await rejectsWith(
    t,
    sdk.send(new CreateManagedLoginBrandingCommand({ UserPoolId: 'us-east-1_Nope', ClientId: SECRET_CLIENT })),
    'ResourceNotFoundException',
    'User pool us-east-1_Nope does not exist.',
  );
});
