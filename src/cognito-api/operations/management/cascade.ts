// What hangs off an app client or a pool goes with it, as on Cognito: a client's terms documents,
// its managed-login style (permanently linked to the client), its own risk configuration and UI
// customization, and the sign-ins in progress through it; a pool's everything. The records kept on
// the pool record go with it by construction; this removes the rest.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPoolClient.html
import type { Deps } from '../../../deps.js';
import type { UserPool } from '../../../domain/model.js';

const keep = <T>(table: Record<string, T> | undefined, kept: (key: string, value: T) => boolean): Record<string, T> | undefined =>
  table === undefined ? undefined : Object.fromEntries(Object.entries(table).filter(([k, v]) => kept(k, v)));

/** The pool record without anything that belongs to the client. */
export function poolWithoutClient(pool: UserPool, clientId: string): UserPool {
  const next: UserPool = { ...pool };
  const set = <K extends 'Terms' | 'ManagedLoginBrandings' | 'RiskConfigurations' | 'UICustomizations'>(key: K, value: UserPool[K]) => {
    if (value === undefined) delete next[key];
    else next[key] = value;
  };
  set(
    'Terms',
    keep(pool.Terms, (_, t) => t.ClientId !== clientId),
  );
  set(
    'ManagedLoginBrandings',
    keep(pool.ManagedLoginBrandings, (_, b) => b.ClientId !== clientId),
  );
  set(
    'RiskConfigurations',
    keep(pool.RiskConfigurations, (scope) => scope !== clientId),
  );
  set(
    'UICustomizations',
    keep(pool.UICustomizations, (scope) => scope !== clientId),
  );
  return next;
}

/** Deletes the client, what its pool keeps for it (one write), and its codes and sign-ins in progress (federated ones too). */
export async function deleteClientAndState(
  deps: Pick<Deps, 'store' | 'signInChallenges' | 'federations' | 'authorizationCodes'>,
  pool: UserPool,
  clientId: string,
): Promise<void> {
  const { store } = deps;
  await store.batch(async () => {
    await store.putPool(poolWithoutClient(pool, clientId));
    await store.deleteClient(clientId);
  });
  deps.authorizationCodes.forgetWhere((c) => c.clientId === clientId);
  deps.signInChallenges.forgetWhere((c) => c.clientId === clientId);
  deps.federations.forgetWhere((f) => f.request.client.ClientId === clientId);
}

/**
 * Forgets the in-memory state of a pool: its users' passwords cache, lockout counters and pending
 * codes, its authorization codes, sign-ins in progress (federated ones and pre-selected identities
 * too) and hosted-UI sessions. The store's deletePool takes the records.
 */
export async function forgetPoolState(
  deps: Pick<
    Deps,
    'authorizationCodes' | 'credentials' | 'federations' | 'lockout' | 'sessions' | 'signInChallenges' | 'store' | 'verificationCodes'
  >,
  pool: UserPool,
): Promise<void> {
  for (const user of deps.store.listUsers(pool.Id)) {
    deps.credentials.forget(user);
    deps.lockout.recordSuccess(user);
    deps.verificationCodes.forget(pool.Id, user.Username);
  }
  deps.authorizationCodes.forgetWhere((c) => c.userPoolId === pool.Id);
  deps.signInChallenges.forgetWhere((c) => c.userPoolId === pool.Id);
  deps.federations.forgetWhere((f) => f.request.pool.Id === pool.Id);
  deps.federations.forgetPool(pool.Id);
  deps.sessions.forgetPool(pool.Id);
}
