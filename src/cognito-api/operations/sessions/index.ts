// A user's sessions: listing and revoking them, by administrators and by the user.
import type { Operation } from '../../operation.js';
import { adminListUserSessions, adminRevokeUserSession, listUserSessions, revokeUserSession } from './list-user-sessions.js';

export const SESSION_OPERATIONS: Record<string, Operation> = {
  AdminListUserSessions: adminListUserSessions,
  ListUserSessions: listUserSessions,
  AdminRevokeUserSession: adminRevokeUserSession,
  RevokeUserSession: revokeUserSession,
};
