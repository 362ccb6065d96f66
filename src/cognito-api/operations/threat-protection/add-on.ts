// The auth-event operations need the pool's threat protection on (AUDIT or ENFORCED): otherwise
// Cognito refuses them with UserPoolAddOnNotEnabledException.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserAuthEvents.html
import type { UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { threatMode } from '../../../threat-protection/settings.js';

export function requireThreatProtection(pool: UserPool): void {
  if (threatMode(pool) === 'OFF') {
    throw new CognitoError('UserPoolAddOnNotEnabledException', 'Advanced security features are not enabled for this user pool.');
  }
}
