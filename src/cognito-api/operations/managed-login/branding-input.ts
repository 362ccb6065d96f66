// What the managed-login branding operations read and check (the style's id, Settings document and
// image Assets), and the style they name, kept on the pool record. Cognito's own default style
// document is not published, so ReturnMergedResources=true is refused rather than answered wrongly.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html
import type { ManagedLoginBranding, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { checkPattern, invalid, optionalBoolean, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';
import { recordIn, withRecord } from '../pool-records.js';

const BRANDING_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const CATEGORIES = [
  'FAVICON_ICO',
  'FAVICON_SVG',
  'EMAIL_GRAPHIC',
  'SMS_GRAPHIC',
  'AUTH_APP_GRAPHIC',
  'PASSWORD_GRAPHIC',
  'PASSKEY_GRAPHIC',
  'PAGE_HEADER_LOGO',
  'PAGE_HEADER_BACKGROUND',
  'PAGE_FOOTER_LOGO',
  'PAGE_FOOTER_BACKGROUND',
  'PAGE_BACKGROUND',
  'FORM_BACKGROUND',
  'FORM_LOGO',
  'IDP_BUTTON_ICON',
];
const COLOR_MODES = ['LIGHT', 'DARK', 'DYNAMIC'];
const EXTENSIONS = ['ICO', 'JPEG', 'PNG', 'SVG', 'WEBP'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const brandingId = (input: Input) =>
  checkPattern('ManagedLoginBrandingId', requiredString(input, 'ManagedLoginBrandingId', 2048), BRANDING_ID, BRANDING_ID.source);

export function assets(input: Input): ManagedLoginBranding['Assets'] | undefined {
  const value = input.Assets;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new CognitoError('SerializationException', "Unexpected JSON type at 'assets': expected array");
  if (value.length > 40) throw invalid('Assets', value, 'Member must have length less than or equal to 40');
  return value.map((a: unknown, i) => {
    const asset = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
    const at = (name: string) => `assets.${i + 1}.member.${name}`;
    const pick = (name: string, values: string[]) => {
      const v = asset[name];
      if (v === undefined || v === null)
        throw invalidAt(at(name.charAt(0).toLowerCase() + name.slice(1)), undefined, 'Member must not be null');
      if (typeof v !== 'string' || !values.includes(v))
        throw invalidAt(at(name.charAt(0).toLowerCase() + name.slice(1)), v, `Member must satisfy enum value set: [${values.join(', ')}]`);
      return v;
    };
    const bytes = asset.Bytes;
    if (bytes !== undefined && bytes !== null && (typeof bytes !== 'string' || !BASE64.test(bytes) || bytes.length > 1_400_000)) {
      throw invalidAt(at('bytes'), undefined, 'Member must be base64 of at most 1000000 bytes');
    }
    const resourceId = asset.ResourceId;
    if (
      resourceId !== undefined &&
      resourceId !== null &&
      (typeof resourceId !== 'string' || !/^[\w\- ]+$/.test(resourceId) || resourceId.length > 40)
    ) {
      throw invalidAt(at('resourceId'), resourceId, 'Member must satisfy regular expression pattern: ^[\\w\\- ]+$');
    }
    return {
      Category: pick('Category', CATEGORIES),
      ColorMode: pick('ColorMode', COLOR_MODES),
      Extension: pick('Extension', EXTENSIONS),
      ...(typeof bytes === 'string' ? { Bytes: bytes } : {}),
      ...(typeof resourceId === 'string' ? { ResourceId: resourceId } : {}),
    };
  });
}

function invalidAt(path: string, value: unknown, constraint: string): CognitoError {
  const shown = value === undefined || value === null ? 'null' : `'${String(value).slice(0, 100)}'`;
  return new CognitoError(
    'InvalidParameterException',
    `1 validation error detected: Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`,
  );
}

export function settings(input: Input): unknown {
  const value = input.Settings;
  if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    throw invalid('Settings', value, 'Member must be a JSON object'); // wording unconfirmed
  }
  return value ?? undefined;
}

/** UseCognitoProvidedValues=true resets to Cognito's default style: Settings and Assets must then be omitted. */
export function checkDefaults(useDefaults: boolean | undefined, given: unknown, givenAssets: unknown[] | undefined) {
  if (useDefaults === true && (given !== undefined || (givenAssets !== undefined && givenAssets.length > 0))) {
    // Wording unconfirmed.
    throw new CognitoError('InvalidParameterException', 'Settings and Assets must be omitted when UseCognitoProvidedValues is true.');
  }
}

export function noMerge(input: Input) {
  if (optionalBoolean(input, 'ReturnMergedResources') === true) {
    throw new CognitoError(
      'InvalidParameterException',
      "ReturnMergedResources is not supported by cognito-emulator: Cognito's default style document is not published.",
    );
  }
}

export function brandingOrThrow(pool: UserPool, id: string): ManagedLoginBranding {
  const found = recordIn(pool.ManagedLoginBrandings, id);
  // Wording unconfirmed.
  if (!found) throw new CognitoError('ResourceNotFoundException', `Managed login branding ${id} does not exist.`);
  return found;
}

export const withBranding = (pool: UserPool, branding: ManagedLoginBranding): UserPool => ({
  ...pool,
  ManagedLoginBrandings: withRecord(pool.ManagedLoginBrandings, branding.ManagedLoginBrandingId, branding),
});

/** An asset replaces the one of the same category and colour mode; the others stay. */
export function mergeAssets(
  current: ManagedLoginBranding['Assets'],
  given: ManagedLoginBranding['Assets'],
): ManagedLoginBranding['Assets'] {
  const key = (a: { Category: string; ColorMode: string }) => `${a.Category}/${a.ColorMode}`;
  const replaced = new Set(given.map(key));
  return [...current.filter((a) => !replaced.has(key(a))), ...given];
}
