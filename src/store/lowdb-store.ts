// Store on lowdb: memory by default, a JSON file when DATA_FILE is set. lowdb's JSONFile writes
// through steno (temp file + rename), so the file on disk is always a whole, valid document; a
// mutation resolves only after its write (steno batches writes that arrive while one is running).
import { readFile } from 'node:fs/promises';
import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { AppClient, AuthorizationCode, Group, IdentityProvider, PoolKeys, ResourceServer, User, UserPool } from '../domain/model.js';
import { StartupError } from '../errors/startup-error.js';
import type { Store } from './store.js';

export interface Data {
  version: 1;
  pools: Record<string, UserPool>;
  clients: Record<string, AppClient>;
  resourceServers: Record<string, Record<string, ResourceServer>>;
  groups: Record<string, Record<string, Group>>;
  identityProviders: Record<string, Record<string, IdentityProvider>>;
  users: Record<string, Record<string, User>>;
  keys: Record<string, PoolKeys>;
  /** origin_jti → epoch ms after which the record can be forgotten (its tokens are expired). */
  revocations: Record<string, number>;
}

const emptyData = (): Data => ({
  version: 1, pools: {}, clients: {}, resourceServers: {}, groups: {}, identityProviders: {}, users: {}, keys: {}, revocations: {},
});

/** Attributes users can sign in with, so they are indexed. */
const ALIAS_ATTRIBUTES = ['email', 'phone_number', 'preferred_username'] as const;
const aliasKey = (name: string, value: string) => `${name}\u0000${name === 'email' ? value.toLowerCase() : value}`;

export async function openLowdbStore(dataFile?: string): Promise<LowdbStore> {
  if (dataFile === undefined) return new LowdbStore(new Low<Data>(new Memory<Data>(), emptyData()));
  const text = await readFile(dataFile, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new StartupError(`${dataFile}: cannot read data file (${err.code ?? err.message})`);
  });
  if (text !== undefined) {
    // Checked here rather than by lowdb so a corrupt file stops startup and is never overwritten.
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new StartupError(`${dataFile}: data file is not valid JSON (${(err as Error).message}); fix or remove it`);
    }
    if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1) {
      throw new StartupError(`${dataFile}: $.version: not a cognito-emulator data file (expected version 1)`);
    }
  }
  const db = new Low<Data>(new JSONFile<Data>(dataFile), emptyData());
  await db.read();
  db.data = { ...emptyData(), ...db.data };
  return new LowdbStore(db);
}

export class LowdbStore implements Store {
  private readonly codes = new Map<string, AuthorizationCode>();
  /** pool → alias key → usernames: values need not be unique outside sign-in aliases (ListUsers finds them all). */
  private readonly aliases = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly db: Low<Data>) {
    for (const [poolId, users] of Object.entries(db.data.users)) {
      for (const user of Object.values(users)) this.index(poolId, user);
    }
  }

  private get data(): Data {
    return this.db.data;
  }

  private batching = 0;

  private save(): Promise<void> {
    return this.batching > 0 ? Promise.resolve() : this.db.write();
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

  getPool(id: string) { return own(this.data.pools, id); }
  listPools() { return Object.values(this.data.pools); }
  async putPool(pool: UserPool) {
    put(this.data.pools, pool.Id, pool);
    await this.save();
  }
  async deletePool(id: string) {
    delete this.data.pools[id];
    for (const c of this.listClients(id)) delete this.data.clients[c.ClientId];
    for (const table of [this.data.resourceServers, this.data.groups, this.data.identityProviders, this.data.users, this.data.keys]) delete table[id];
    this.aliases.delete(id);
    await this.save();
  }

  getClient(clientId: string) { return own(this.data.clients, clientId); }
  listClients(userPoolId: string) {
    return Object.values(this.data.clients).filter((c) => c.UserPoolId === userPoolId);
  }
  async putClient(client: AppClient) {
    put(this.data.clients, client.ClientId, client);
    await this.save();
  }
  async deleteClient(clientId: string) {
    delete this.data.clients[clientId];
    await this.save();
  }

  getResourceServer(userPoolId: string, identifier: string) {
    return own(this.data.resourceServers[userPoolId] ?? {}, identifier);
  }
  listResourceServers(userPoolId: string) { return Object.values(this.data.resourceServers[userPoolId] ?? {}); }
  async putResourceServer(server: ResourceServer) {
    put(table(this.data.resourceServers, server.UserPoolId), server.Identifier, server);
    await this.save();
  }
  async deleteResourceServer(userPoolId: string, identifier: string) {
    delete this.data.resourceServers[userPoolId]?.[identifier];
    await this.save();
  }

  getGroup(userPoolId: string, groupName: string) { return own(this.data.groups[userPoolId] ?? {}, groupName); }
  listGroups(userPoolId: string) { return Object.values(this.data.groups[userPoolId] ?? {}); }
  async putGroup(group: Group) {
    put(table(this.data.groups, group.UserPoolId), group.GroupName, group);
    await this.save();
  }
  async deleteGroup(userPoolId: string, groupName: string) {
    delete this.data.groups[userPoolId]?.[groupName];
    for (const user of this.listUsers(userPoolId)) {
      if (user.Groups.includes(groupName)) user.Groups = user.Groups.filter((g) => g !== groupName);
    }
    await this.save();
  }

  getIdentityProvider(userPoolId: string, providerName: string) {
    return own(this.data.identityProviders[userPoolId] ?? {}, providerName);
  }
  listIdentityProviders(userPoolId: string) { return Object.values(this.data.identityProviders[userPoolId] ?? {}); }
  async putIdentityProvider(provider: IdentityProvider) {
    put(table(this.data.identityProviders, provider.UserPoolId), provider.ProviderName, provider);
    await this.save();
  }
  async deleteIdentityProvider(userPoolId: string, providerName: string) {
    delete this.data.identityProviders[userPoolId]?.[providerName];
    await this.save();
  }

  getUser(userPoolId: string, username: string) { return own(this.data.users[userPoolId] ?? {}, username); }
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
  listUsers(userPoolId: string) { return Object.values(this.data.users[userPoolId] ?? {}); }
  async putUser(user: User) {
    const users = table(this.data.users, user.UserPoolId);
    const previous = own(users, user.Username);
    if (previous) this.unindex(user.UserPoolId, previous);
    put(users, user.Username, user);
    this.index(user.UserPoolId, user);
    await this.save();
  }
  async deleteUser(userPoolId: string, username: string) {
    const user = this.getUser(userPoolId, username);
    if (!user) return;
    this.unindex(userPoolId, user);
    delete this.data.users[userPoolId]?.[username];
    await this.save();
  }

  getKeys(userPoolId: string) { return own(this.data.keys, userPoolId); }
  async putKeys(userPoolId: string, keys: PoolKeys) {
    put(this.data.keys, userPoolId, keys);
    await this.save();
  }

  saveCode(code: AuthorizationCode) { this.codes.set(code.code, code); }
  listCodes() { return [...this.codes.values()]; }
  consumeCode(code: string) {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found;
  }

  async revokeOrigin(originJti: string, until: number) {
    put(this.data.revocations, originJti, until);
    await this.save();
  }
  isOriginRevoked(originJti: string) { return own(this.data.revocations, originJti) !== undefined; }

  purgeExpired(now: number) {
    for (const [code, entry] of this.codes) if (entry.expiresAt <= now) this.codes.delete(code);
    for (const [jti, until] of Object.entries(this.data.revocations)) {
      if (until <= now) delete this.data.revocations[jti];
    }
  }

  clear() {
    this.db.data = { ...emptyData(), keys: this.data.keys };
    this.codes.clear();
    this.aliases.clear();
  }

  async flush() { await this.save(); }

  private index(poolId: string, user: User) {
    let table = this.aliases.get(poolId);
    if (!table) this.aliases.set(poolId, (table = new Map()));
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

/** Own-property lookup: ids come from requests, so `__proto__` or `constructor` must find nothing. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Own-property write: `__proto__` as a username becomes a plain key, never a prototype change. */
function put<T>(table: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}

function table<T>(tables: Record<string, Record<string, T>>, poolId: string): Record<string, T> {
  const found = own(tables, poolId);
  if (found) return found;
  const created: Record<string, T> = {};
  put(tables, poolId, created);
  return created;
}
