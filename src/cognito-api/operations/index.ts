// Every implemented operation, by its X-Amz-Target name. Each group owns its own index.
import type { Operation } from '../operation.js';
import { AUTH_OPERATIONS } from './auth/index.js';
import { CLIENT_OPERATIONS } from './clients/index.js';
import { IDENTITY_PROVIDER_OPERATIONS } from './identity-providers/index.js';
import { MANAGED_LOGIN_OPERATIONS } from './managed-login/index.js';
import { MANAGEMENT_OPERATIONS } from './management/index.js';
import { DEVICE_OPERATIONS } from './devices/index.js';
import { MFA_OPERATIONS } from './mfa/index.js';
import { REGIONAL_OPERATIONS } from './regional/index.js';
import { SESSION_OPERATIONS } from './sessions/index.js';
import { SETTINGS_OPERATIONS } from './settings/index.js';
import { THREAT_PROTECTION_OPERATIONS } from './threat-protection/index.js';
import { USER_IMPORT_OPERATIONS } from './user-import/index.js';
import { USER_OPERATIONS } from './users/index.js';
import { WEBAUTHN_OPERATIONS } from './webauthn/index.js';

export const OPERATIONS: Record<string, Operation> = {
  ...MANAGEMENT_OPERATIONS,
  ...CLIENT_OPERATIONS,
  ...REGIONAL_OPERATIONS,
  ...IDENTITY_PROVIDER_OPERATIONS,
  ...SETTINGS_OPERATIONS,
  ...MANAGED_LOGIN_OPERATIONS,
  ...USER_IMPORT_OPERATIONS,
  ...USER_OPERATIONS,
  ...AUTH_OPERATIONS,
  ...MFA_OPERATIONS,
  ...DEVICE_OPERATIONS,
  ...WEBAUTHN_OPERATIONS,
  ...THREAT_PROTECTION_OPERATIONS,
  ...SESSION_OPERATIONS,
};
