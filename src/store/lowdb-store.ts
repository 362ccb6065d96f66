// Store on lowdb: the state is one in-memory document (lowdb's Memory adapter), changed only
// through set() and remove(), which also hand each change to the sink: none without DATA_FILE, the
// journal with it (journal.ts) or the PostgreSQL log with DATABASE_URL (replica.ts), so a mutation
// resolves once its change is durable. Reads never wait.
import { Low, Memory } from 'lowdb';
import type {
  AppClient,
  AuthEvent,
  Group,
  IdentityProvider,
  PoolKeys,
  ResourceServer,
  TokenSession,
  User,
  UserPool,
  WebAuthnCredential,
} from '../domain/model.js';
import { applyChange, emptyData, own, TABLES, type Change, type Data, type Table } from './data.js';
import type { JournalOptions } from './journal.js';
import { openDataFile } from './open-data-file.js';
import type { Store } from './store.js';

export type { Data } from './data.js';

/** Where changes go to be durable (the DATA_FILE journal). Writes complete in the order they are made. */
export interface ChangeSink {
  write(changes: readonly Change[]): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Attributes users can sign in with, so they are indexed. */
const ALIAS_ATTRIBUTES = ['email', 'phone_number', 'preferred_username'] as const;
const aliasKey = (name: string, value: string) => `${name}\u0000${name === 'email' ? value.toLowerCase() : value}`;

export async function openLowdbStore(dataFile?: string, options?: JournalOptions): Promise<LowdbStore> {
  if (dataFile === undefined) return new LowdbStore(emptyData());
  const { data, journal } = await openDataFile(dataFile, options);
  journal.source = () => data;
  return new LowdbStore(data, journal);
}

export class LowdbStore implements Store {
  /** pool → alias key → usernames: values need not be unique outside sign-in aliases (ListUsers finds them all). */
  private readonly aliases = new Map<string, Map<string, Set<string>>>();
  private readonly db: Low<Data>;
  /** Changes made but not yet handed to the sink (only with a sink). */
  private readonly pending: Change[] = [];
  private batching = 0;

  constructor(
    data: Data,
    private readonly sink?: ChangeSink,
  ) {
    this.db = new Low<Data>(new Memory<Data>(), data);
    for (const [poolId, users] of Object.entries(data.users)) {
      for (const user of Object.values(users)) this.index(poolId, user);
    }
  }

  private get data(): Data {
    return this.db.data;
  }

  /** The one way state changes: applied in memory at once, durable once save() resolves. */
  private change(change: Change): void {
    applyChange(this.data, change);
    if (this.sink) this.pending.push(change);
  }

  private set(table: Table, key: string[], value: unknown): void {
    this.change({ t: table, k: key, v: value });
  }

  private remove(table: Table, key: string[]): void {
    this.change({ t: table, k: key });
  }

  private save(): Promise<void> {
    if (!this.sink) return Promise.resolve();
    // Inside a batch (seeding, reset) the batch's own changes are written together at its end.
    if (this.batching > 0) return Promise.resolve();
    return this.sink.write(this.pending.splice(0));
  }

  async batch(changes: () => Promise<void>): Promise<void> {
    this.batching++;
    try {
      await changes();
    } finally {
      this.batching--;
    }
    await this.save();
  }

  getPool(id: string) {
    return own(this.data.pools, id);
  }
  listPools() {
    return Object.values(this.data.pools);
  }
  async putPool(pool: UserPool) {
    this.set('pools', [pool.Id], pool);
    await this.save();
  }
  async deletePool(id: string) {
    this.remove('pools', [id]);
    for (const c of this.listClients(id)) this.remove('clients', [c.ClientId]);
    // Every table deeper than one level is keyed by pool first (data.ts), so none is forgotten here.
    for (const [table, depth] of Object.entries(TABLES) as Array<[Table, number]>) if (depth >= 2) this.remove(table, [id]);
    this.remove('keys', [id]);
    this.aliases.delete(id);
    await this.save();
  }

  getClient(clientId: string) {
    return own(this.data.clients, clientId);
  }
  listClients(userPoolId: string) {
    return Object.values(this.data.clients).filter((c) => c.UserPoolId === userPoolId);
  }
  async putClient(client: AppClient) {
    this.set('clients', [client.ClientId], client);
    await this.save();
  }
  async deleteClient(clientId: string) {
    this.remove('clients', [clientId]);
    await this.save();
  }

  getResourceServer(userPoolId: string, identifier: string) {
    return own(own(this.data.resourceServers, userPoolId) ?? {}, identifier);
  }
  listResourceServers(userPoolId: string) {
    return Object.values(own(this.data.resourceServers, userPoolId) ?? {});
  }
  async putResourceServer(server: ResourceServer) {
    this.set('resourceServers', [server.UserPoolId, server.Identifier], server);
    await this.save();
  }
  async deleteResourceServer(userPoolId: string, identifier: string) {
    this.remove('resourceServers', [userPoolId, identifier]);
    await this.save();
  }

  getGroup(userPoolId: string, groupName: string) {
    return own(own(this.data.groups, userPoolId) ?? {}, groupName);
  }
  listGroups(userPoolId: string) {
    return Object.values(own(this.data.groups, userPoolId) ?? {});
  }
  async putGroup(group: Group) {
    this.set('groups', [group.UserPoolId, group.GroupName], group);
    await this.save();
  }
  async deleteGroup(userPoolId: string, groupName: string) {
    this.remove('groups', [userPoolId, groupName]);
    for (const user of this.listUsers(userPoolId)) {
      if (user.Groups.includes(groupName))
        this.set('users', [userPoolId, user.Username], { ...user, Groups: user.Groups.filter((g) => g !== groupName) });
    }
    await this.save();
  }

  getIdentityProvider(userPoolId: string, providerName: string) {
    return own(own(this.data.identityProviders, userPoolId) ?? {}, providerName);
  }
  listIdentityProviders(userPoolId: string) {
    return Object.values(own(this.data.identityProviders, userPoolId) ?? {});
  }
  async putIdentityProvider(provider: IdentityProvider) {
    this.set('identityProviders', [provider.UserPoolId, provider.ProviderName], provider);
    await this.save();
  }
  async deleteIdentityProvider(userPoolId: string, providerName: string) {
    this.remove('identityProviders', [userPoolId, providerName]);
    await this.save();
  }

  getUser(userPoolId: string, username: string) {
    return own(own(this.data.users, userPoolId) ?? {}, username);
  }
  findUserByAttribute(userPoolId: string, name: string, value: string) {
    return this.findUsersByAttribute(userPoolId, name, value)[0];
  }
  findUsersByAttribute(userPoolId: string, name: string, value: string) {
    const key = aliasKey(name, value);
    const usernames = this.aliases.get(userPoolId)?.get(key) ?? [];
    // Re-checked against the record: a caller that changed a stored user in place leaves a stale entry.
    return [...usernames].flatMap((u) => {
      const user = this.getUser(userPoolId, u);
      const current = user?.Attributes[name];
      return user && current !== undefined && aliasKey(name, current) === key ? [user] : [];
    });
  }
  listUsers(userPoolId: string) {
    return Object.values(own(this.data.users, userPoolId) ?? {});
  }
  async putUser(user: User) {
    const previous = this.getUser(user.UserPoolId, user.Username);
    if (previous) this.unindex(user.UserPoolId, previous);
    this.set('users', [user.UserPoolId, user.Username], user);
    this.index(user.UserPoolId, user);
    await this.save();
  }
  async deleteUser(userPoolId: string, username: string) {
    const user = this.getUser(userPoolId, username);
    if (!user) return;
    this.unindex(userPoolId, user);
    this.remove('users', [userPoolId, username]);
    if (this.getWebAuthnCredentials(userPoolId, username).length > 0) this.remove('webAuthnCredentials', [userPoolId, username]);
    // The user's events and sessions go with it (a journal line only when there are some).
    const sub = user.Attributes.sub;
    for (const table of ['authEvents', 'tokenSessions'] as const) {
      const byUser: Record<string, Record<string, unknown>> = this.data[table];
      if (sub !== undefined && own(own(byUser, userPoolId) ?? {}, sub) !== undefined) this.remove(table, [userPoolId, sub]);
    }
    await this.save();
  }

  getWebAuthnCredentials(userPoolId: string, username: string) {
    return own(own(this.data.webAuthnCredentials, userPoolId) ?? {}, username) ?? [];
  }
  async putWebAuthnCredentials(userPoolId: string, username: string, credentials: WebAuthnCredential[]) {
    if (credentials.length > 0) this.set('webAuthnCredentials', [userPoolId, username], credentials);
    else this.remove('webAuthnCredentials', [userPoolId, username]);
    await this.save();
  }

  listAuthEvents(userPoolId: string, sub: string) {
    return this.userRecords(this.data.authEvents, userPoolId, sub).sort((a, b) => b.CreationDate - a.CreationDate);
  }
  putAuthEvent(userPoolId: string, sub: string, event: AuthEvent) {
    return this.putUserRecord('authEvents', [userPoolId, sub, event.EventId], event);
  }
  removeAuthEvents(userPoolId: string, sub: string, eventIds: readonly string[]) {
    return this.removeUserRecords('authEvents', userPoolId, sub, eventIds);
  }
  listTokenSessions(userPoolId: string, sub: string) {
    return this.userRecords(this.data.tokenSessions, userPoolId, sub).sort((a, b) => b.CreateDate - a.CreateDate);
  }
  putTokenSession(userPoolId: string, sub: string, session: TokenSession) {
    return this.putUserRecord('tokenSessions', [userPoolId, sub, session.SessionId], session);
  }
  removeTokenSessions(userPoolId: string, sub: string, sessionIds: readonly string[]) {
    return this.removeUserRecords('tokenSessions', userPoolId, sub, sessionIds);
  }

  private async putUserRecord(table: 'authEvents' | 'tokenSessions', key: [string, string, string], value: unknown): Promise<void> {
    this.set(table, key, value);
    await this.save();
  }

  private async removeUserRecords(
    table: 'authEvents' | 'tokenSessions',
    userPoolId: string,
    sub: string,
    ids: readonly string[],
  ): Promise<void> {
    for (const id of ids) this.remove(table, [userPoolId, sub, id]);
    await this.save();
  }

  /**
   * A user's records of a per-user table, newest first: records keep insertion order, so reversed
   * they stay newest first where a stable sort by date finds two equal (same millisecond).
   */
  private userRecords<T>(table: Record<string, Record<string, Record<string, T>>>, userPoolId: string, sub: string): T[] {
    return Object.values(own(own(table, userPoolId) ?? {}, sub) ?? {}).reverse();
  }

  getKeys(userPoolId: string) {
    return own(this.data.keys, userPoolId);
  }
  async putKeys(userPoolId: string, keys: PoolKeys) {
    this.set('keys', [userPoolId], keys);
    await this.save();
  }

  getFixtureHash(record: string) {
    return own(this.data.fixtureHashes, record);
  }
  async putFixtureHash(record: string, hash: string) {
    this.set('fixtureHashes', [record], hash);
    await this.save();
  }

  getProvisionedLimit(key: string) {
    return own(this.data.provisionedLimits, key);
  }
  async putProvisionedLimit(key: string, value: number) {
    this.set('provisionedLimits', [key], value);
    await this.save();
  }

  async revokeOrigin(originJti: string, until: number) {
    this.set('revocations', [originJti], until);
    await this.save();
  }
  isOriginRevoked(originJti: string) {
    return own(this.data.revocations, originJti) !== undefined;
  }

  async markRotated(jti: string, graceUntil: number, until: number) {
    if (own(this.data.rotated, jti) !== undefined) return;
    this.set('rotated', [jti], { graceUntil, until });
    await this.save();
  }
  rotatedGraceUntil(jti: string) {
    return own(this.data.rotated, jti)?.graceUntil;
  }

  purgeExpired(now: number) {
    // Written with the next change: a purge nobody waits for need not be durable (it is redone).
    for (const [jti, until] of Object.entries(this.data.revocations)) {
      if (until <= now) this.remove('revocations', [jti]);
    }
    for (const [jti, { until }] of Object.entries(this.data.rotated)) {
      if (until <= now) this.remove('rotated', [jti]);
    }
  }

  clear() {
    this.change({ clear: true });
    this.aliases.clear();
  }

  /** A change made elsewhere (another replica, through the log): applied with the alias index kept right. */
  applyExternal(change: Change): void {
    if ('clear' in change || change.t !== 'users') {
      applyChange(this.data, change);
      if ('clear' in change) this.aliases.clear();
      return;
    }
    const [poolId, username] = change.k as [string, string | undefined];
    if (username === undefined) {
      applyChange(this.data, change);
      this.aliases.delete(poolId);
      for (const user of this.listUsers(poolId)) this.index(poolId, user);
      return;
    }
    const previous = this.getUser(poolId, username);
    if (previous) this.unindex(poolId, previous);
    applyChange(this.data, change);
    const current = this.getUser(poolId, username);
    if (current) this.index(poolId, current);
  }

  async flush() {
    await this.save();
    await this.sink?.flush();
  }

  async close() {
    await this.flush();
    await this.sink?.close();
  }

  private index(poolId: string, user: User) {
    let table = this.aliases.get(poolId);
    if (!table) {
      table = new Map();
      this.aliases.set(poolId, table);
    }
    for (const name of ALIAS_ATTRIBUTES) {
      const value = user.Attributes[name];
      if (value === undefined) continue;
      const key = aliasKey(name, value);
      const usernames = table.get(key);
      if (usernames) usernames.add(user.Username);
      else table.set(key, new Set([user.Username]));
    }
  }

  private unindex(poolId: string, user: User) {
    const table = this.aliases.get(poolId);
    for (const name of ALIAS_ATTRIBUTES) {
      const value = user.Attributes[name];
      if (value === undefined) continue;
      const usernames = table?.get(aliasKey(name, value));
      usernames?.delete(user.Username);
      if (usernames?.size === 0) table?.delete(aliasKey(name, value));
    }
  }
}
