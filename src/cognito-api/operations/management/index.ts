import type { Operation } from '../../operation.js';

export const MANAGEMENT_OPERATIONS: Record<string, Operation> = {
};
