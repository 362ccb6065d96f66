// The fields every user-pool trigger event shares (AWS developer guide, "Customizing user pool
// workflows with Lambda triggers", shared parameters): version, triggerSource, region, userPoolId,
// userName, callerContext, request, response, in that order.
import { regionOf } from '../domain/ids.js';
import type { User, UserPool } from '../domain/model.js';

/** What real captures show for calls from the hosted UI and most SDKs. */
const SDK_VERSION = 'aws-sdk-unknown-unknown';

/** callerContext.clientId of admin operations that name no app client (a real AdminCreateUser capture). */
export const NO_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';

export function triggerEvent(
  pool: UserPool,
  clientId: string | undefined,
  triggerSource: string,
  userName: string | null,
  request: Record<string, unknown>,
  response: Record<string, unknown>,
  version = '1',
): Record<string, unknown> {
  return {
    version,
    triggerSource,
    region: regionOf(pool.Id),
    userPoolId: pool.Id,
    userName,
    callerContext: { awsSdkVersion: SDK_VERSION, clientId: clientId ?? NO_CLIENT },
    request,
    response,
  };
}

/**
 * request.userAttributes: every attribute as a string, with `sub`, `cognito:user_status`, and the
 * `cognito:email_alias` / `cognito:phone_number_alias` a pool signing in with aliases adds for a
 * verified address (as in real captures).
 */
export function eventAttributes(pool: UserPool, user: User): Record<string, string> {
  const attributes: Record<string, string> = { ...user.Attributes, 'cognito:user_status': user.UserStatus };
  for (const name of ['email', 'phone_number'] as const) {
    const value = user.Attributes[name];
    if (pool.AliasAttributes.includes(name) && value !== undefined && user.Attributes[`${name}_verified`] === 'true') {
      attributes[`cognito:${name}_alias`] = value;
    }
  }
  return attributes;
}
