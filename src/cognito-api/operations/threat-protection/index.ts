// Threat protection's per-user operations: the recorded auth events and feedback on them. The pool
// settings (SetRiskConfiguration, DescribeRiskConfiguration) are with the other settings.
import type { Operation } from '../../operation.js';
import { adminListUserAuthEvents } from './admin-list-user-auth-events.js';
import { adminUpdateAuthEventFeedback } from './admin-update-auth-event-feedback.js';
import { updateAuthEventFeedback } from './update-auth-event-feedback.js';

export const THREAT_PROTECTION_OPERATIONS: Record<string, Operation> = {
  AdminListUserAuthEvents: adminListUserAuthEvents,
  AdminUpdateAuthEventFeedback: adminUpdateAuthEventFeedback,
  UpdateAuthEventFeedback: updateAuthEventFeedback,
};
