// SetUICustomization / GetUICustomization: the classic hosted pages' CSS and logo, per app client
// or pool-wide (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
// Stored and returned; the hosted pages do not apply them yet. The logo is kept but not served,
// so no ImageUrl is returned.
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { POOL_WIDE, scopeOf, settingFor, withSetting } from './scoped.js';

export const setUICustomization: Operation<'clock' | 'store'> = ({ store, clock }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const scope = scopeOf(store, pool, input);
  if (pool.Domain === undefined && pool.CustomDomain === undefined) {
    // Observed wording (amazon-connect/voicemail-for-amazon-connect#5).
    throw new CognitoError('InvalidParameterException', 'A domain must be associated with this user pool.');
  }
  const css = optionalString(input, 'CSS', 131072);
  const image = optionalString(input, 'ImageFile', 200_000);
  const now = clock.now();
  const settings = { ...(css !== undefined ? { CSS: css } : {}), ...(image !== undefined ? { ImageFile: image } : {}), CSSVersion: String(now) };
  const UICustomizations = withSetting(pool.UICustomizations, scope, settings, now);
  await store.putPool({ ...pool, UICustomizations });
  return { UICustomization: uiCustomizationType(pool.Id, scope, UICustomizations[scope]!) };
};

export const getUICustomization: Operation<'store'> = ({ store }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const scope = scopeOf(store, pool, input);
  const found = settingFor(pool.UICustomizations, scope);
  if (!found) return { UICustomization: { UserPoolId: pool.Id, ClientId: scope } };
  return { UICustomization: uiCustomizationType(pool.Id, found[0], found[1]) };
};

function uiCustomizationType(userPoolId: string, scope: string, setting: { Settings: Record<string, unknown>; CreationDate: number; LastModifiedDate: number }) {
  const { CSS, CSSVersion } = setting.Settings;
  return {
    UserPoolId: userPoolId,
    ClientId: scope === POOL_WIDE ? POOL_WIDE : scope,
    ...(CSS !== undefined ? { CSS } : {}),
    ...(CSSVersion !== undefined ? { CSSVersion } : {}),
    LastModifiedDate: seconds(setting.LastModifiedDate),
    CreationDate: seconds(setting.CreationDate),
  };
}
