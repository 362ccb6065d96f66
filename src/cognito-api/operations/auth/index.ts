import type { Operation } from '../../operation.js';

export const AUTH_OPERATIONS: Record<string, Operation> = {
};
