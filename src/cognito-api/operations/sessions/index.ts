// A user's sessions: listing and revoking them, by administrators and by the user.
import type { Operation } from '../../operation.js';
import { adminListUserSessions } from './admin-list-user-sessions.js';
import { adminRevokeUserSession } from './admin-revoke-user-session.js';
import { listUserSessions } from './list-user-sessions.js';
import { revokeUserSession } from './revoke-user-session.js';

export const SESSION_OPERATIONS: Record<string, Operation> = {
  AdminListUserSessions: adminListUserSessions,
  ListUserSessions: listUserSessions,
  AdminRevokeUserSession: adminRevokeUserSession,
  RevokeUserSession: revokeUserSession,
};
