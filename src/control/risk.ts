// POST /_emulator/risk {"userPoolId", "username", "riskLevel": "Low" | "Medium" | "High", "count"?}:
// the user's next `count` (default 1) sign-ins are scored that account-takeover risk, and the
// pool's risk configuration acts on it as Cognito would (src/threat-protection/assess.ts).
// GET lists the pending declarations; DELETE forgets them. The username may be any sign-in name.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { findSignInUser } from '../domain/users.js';
import type { RiskLevel } from '../state/risk-overrides.js';
import { ControlError } from '../errors/control-error.js';

const LEVELS: readonly RiskLevel[] = ['Low', 'Medium', 'High'];

export function riskRoutes(app: FastifyInstance, deps: Pick<Deps, 'store' | 'riskOverrides'>): void {
  app.post('/_emulator/risk', async (request) => {
    const body = (request.body !== null && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const { userPoolId, username, riskLevel } = body;
    const count = body.count ?? 1;
    if (
      typeof userPoolId !== 'string' ||
      typeof username !== 'string' ||
      !LEVELS.includes(riskLevel as RiskLevel) ||
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 1 ||
      count > 1000
    ) {
      throw new ControlError(
        'invalid_request',
        'Send {"userPoolId", "username", "riskLevel": "Low" | "Medium" | "High", "count"?: 1-1000}',
      );
    }
    const pool = deps.store.getPool(userPoolId);
    const user = pool && findSignInUser(deps.store, pool, username);
    if (!user) throw new ControlError('not_found', 'No such user in that pool', 404);
    deps.riskOverrides.set(userPoolId, user.Username, riskLevel as RiskLevel, count);
    return { userPoolId, username: user.Username, riskLevel, remaining: count };
  });
  app.get('/_emulator/risk', async () => ({ pending: deps.riskOverrides.list() }));
  app.delete('/_emulator/risk', async () => {
    deps.riskOverrides.clear();
    return { pending: [] };
  });
}
