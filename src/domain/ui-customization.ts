// The classic hosted UI customization in force for an app client (SetUICustomization): the
// client's own, else the pool-wide one set with ClientId `ALL`; a client with its own no longer
// falls back (https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html).
// Cognito serves the logo and the stylesheet from CloudFront under
// `<pool>/<client or ALL>/<CSSVersion>/assets/...`; the emulator serves the same paths itself.
import type { PoolScopedSetting, UserPool } from './model.js';
import { parseCustomizationCss, renderCustomizationCss } from './ui-css.js';

export const POOL_WIDE = 'ALL';
/** Cognito's logo limit: 100 KB before base64. */
export const MAX_LOGO_BYTES = 100 * 1024;

export interface UiCustomization {
  userPoolId: string;
  /** The client id, or `ALL`. */
  scope: string;
  version: string;
  css?: string;
  /** The logo, base64 as the API carries it. */
  imageFile?: string;
}

export function uiCustomizationFor(pool: UserPool, clientId: string | undefined): UiCustomization | undefined {
  const all = pool.UICustomizations;
  if (all === undefined) return undefined;
  const scope = clientId !== undefined && Object.hasOwn(all, clientId) ? clientId : POOL_WIDE;
  const setting: PoolScopedSetting | undefined = Object.hasOwn(all, scope) ? all[scope] : undefined;
  if (setting === undefined) return undefined;
  const { CSS, ImageFile, CSSVersion } = setting.Settings;
  return {
    userPoolId: pool.Id,
    scope,
    version: String(CSSVersion ?? setting.LastModifiedDate),
    ...(typeof CSS === 'string' ? { css: CSS } : {}),
    ...(typeof ImageFile === 'string' ? { imageFile: ImageFile } : {}),
  };
}

const base = (c: UiCustomization) =>
  `/${encodeURIComponent(c.userPoolId)}/${encodeURIComponent(c.scope)}/${encodeURIComponent(c.version)}/assets`;
/** Cognito names the logo image.jpg whatever its format. */
export const logoPath = (c: UiCustomization) => `${base(c)}/images/image.jpg`;
export const stylesheetPath = (c: UiCustomization) => `${base(c)}/CSS/custom-css.css`;

/** The stylesheet the pages link to: only the rules and properties Cognito applies (empty when none). */
export function customizationStylesheet(c: UiCustomization): string {
  if (c.css === undefined) return '';
  const parsed = parseCustomizationCss(c.css);
  return 'rules' in parsed ? renderCustomizationCss(parsed.rules) : '';
}

/** The logo's media type by its first bytes: Cognito takes PNG and JPEG files only. */
export function logoType(bytes: Buffer): 'image/png' | 'image/jpeg' | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}
