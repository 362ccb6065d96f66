// SetUICustomization: the classic hosted pages' CSS and logo, per app client or pool-wide
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
// The pages apply them (src/hosted-ui/customization-routes.ts); the CSS is checked as Cognito
// checks it (src/domain/ui-css.ts) and the logo is served at the ImageUrl returned
// (ui-customization-type.ts). A call sets CSS and logo together: what it leaves out is removed
// ("You can't set CSS and logo customization separately").
import type { SetUICustomizationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { parseCustomizationCss } from '../../../domain/ui-css.js';
import { logoType, MAX_LOGO_BYTES } from '../../../domain/ui-customization.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { scopeOf, withSetting } from './scoped.js';
import { uiCustomizationType } from './ui-customization-type.js';

export const setUICustomization: Operation<'clock' | 'store' | 'urls'> =
  ({ store, clock, urls }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const scope = scopeOf(store, pool, input);
    if (pool.Domain === undefined && pool.CustomDomain === undefined) {
      // Observed wording (amazon-connect/voicemail-for-amazon-connect#5).
      throw new CognitoError('InvalidParameterException', 'A domain must be associated with this user pool.');
    }
    const css = optionalString(input, 'CSS', 131072);
    if (css !== undefined) {
      const parsed = parseCustomizationCss(css);
      // Cognito refuses such CSS with InvalidParameterException; its exact wording is unconfirmed.
      if ('refused' in parsed) throw new CognitoError('InvalidParameterException', `Invalid CSS: ${parsed.refused}`);
    }
    const image = optionalString(input, 'ImageFile', 200_000);
    if (image !== undefined) checkLogo(image);
    const now = clock.now();
    const settings = {
      ...(css !== undefined ? { CSS: css } : {}),
      ...(image !== undefined ? { ImageFile: image } : {}),
      CSSVersion: String(now),
    };
    const UICustomizations = withSetting(pool.UICustomizations, scope, settings, now);
    await store.putPool({ ...pool, UICustomizations });
    return { UICustomization: uiCustomizationType(urls, { ...pool, UICustomizations }, scope) } satisfies Wire<SetUICustomizationResponse>;
  };

/** PNG or JPEG, at most 100 KB (Cognito's limits; the wording of its refusal is unconfirmed). */
function checkLogo(base64: string): void {
  const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(base64) ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
  if (logoType(bytes) === undefined)
    throw new CognitoError('InvalidParameterException', 'Invalid image file: the logo must be a PNG or JPEG image.');
  if (bytes.length > MAX_LOGO_BYTES)
    throw new CognitoError(
      'InvalidParameterException',
      `Invalid image file: the logo must not be larger than ${MAX_LOGO_BYTES / 1024} KB.`,
    );
}
