// UICustomizationType: the CSS and logo in force for an app client (its own, else the pool-wide
// ones), as SetUICustomization and GetUICustomization answer them; the logo is served at ImageUrl,
// the emulator's counterpart of Cognito's CloudFront URL.
import type { UICustomizationType } from '@aws-sdk/client-cognito-identity-provider';
import type { PoolScopedSetting } from '../../../domain/model.js';
import { logoPath, uiCustomizationFor } from '../../../domain/ui-customization.js';
import type { Urls } from '../../../urls.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { POOL_WIDE } from './scoped.js';

export function uiCustomizationType(urls: Urls, pool: Parameters<typeof uiCustomizationFor>[0], scope: string): Wire<UICustomizationType> {
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
