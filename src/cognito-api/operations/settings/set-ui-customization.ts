// SetUICustomization / GetUICustomization: the classic hosted pages' CSS and logo, per app client
// or pool-wide (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
// The pages apply them (src/hosted-ui/customization-routes.ts); the CSS is checked as Cognito
// checks it (src/domain/ui-css.ts) and the logo is served at the ImageUrl returned here, the
// emulator's counterpart of Cognito's CloudFront URL. A call sets CSS and logo together: what it
// leaves out is removed ("You can't set CSS and logo customization separately").
import type {
  GetUICustomizationResponse,
  SetUICustomizationResponse,
  UICustomizationType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PoolScopedSetting } from '../../../domain/model.js';
import { parseCustomizationCss } from '../../../domain/ui-css.js';
import { logoPath, logoType, MAX_LOGO_BYTES, uiCustomizationFor } from '../../../domain/ui-customization.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Urls } from '../../../urls.js';
import { optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { POOL_WIDE, scopeOf, withSetting } from './scoped.js';

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

export const getUICustomization: Operation<'store' | 'urls'> =
  ({ store, urls }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const scope = scopeOf(store, pool, input);
    return { UICustomization: uiCustomizationType(urls, pool, scope) } satisfies Wire<GetUICustomizationResponse>;
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

function uiCustomizationType(urls: Urls, pool: Parameters<typeof uiCustomizationFor>[0], scope: string): Wire<UICustomizationType> {
  const found = uiCustomizationFor(pool, scope === POOL_WIDE ? undefined : scope);
  // Nothing set for the client nor the pool: Cognito answers with the ids only.
  if (!found) return { UserPoolId: pool.Id, ClientId: scope };
  const setting = pool.UICustomizations?.[found.scope] as PoolScopedSetting;
  return {
    UserPoolId: pool.Id,
    ClientId: found.scope,
    ImageUrl: found.imageFile !== undefined ? urls.endpoint(logoPath(found)) : undefined,
    CSS: found.css,
    CSSVersion: found.version,
    LastModifiedDate: seconds(setting.LastModifiedDate),
    CreationDate: seconds(setting.CreationDate),
  };
}
