// What the routes need from state. The lowdb implementation is in lowdb-store.ts; tests and the
// programmatic API construct it explicitly.
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

export interface Store {
  getPool(id: string): UserPool | undefined;
  listPools(): UserPool[];
  putPool(pool: UserPool): Promise<void>;
  deletePool(id: string): Promise<void>;

  getClient(clientId: string): AppClient | undefined;
  listClients(userPoolId: string): AppClient[];
  putClient(client: AppClient): Promise<void>;
  deleteClient(clientId: string): Promise<void>;

  getResourceServer(userPoolId: string, identifier: string): ResourceServer | undefined;
  listResourceServers(userPoolId: string): ResourceServer[];
  putResourceServer(server: ResourceServer): Promise<void>;
  deleteResourceServer(userPoolId: string, identifier: string): Promise<void>;

  getGroup(userPoolId: string, groupName: string): Group | undefined;
  listGroups(userPoolId: string): Group[];
  putGroup(group: Group): Promise<void>;
  deleteGroup(userPoolId: string, groupName: string): Promise<void>;

  getIdentityProvider(userPoolId: string, providerName: string): IdentityProvider | undefined;
  listIdentityProviders(userPoolId: string): IdentityProvider[];
  putIdentityProvider(provider: IdentityProvider): Promise<void>;
  deleteIdentityProvider(userPoolId: string, providerName: string): Promise<void>;

  getUser(userPoolId: string, username: string): User | undefined;
  /** Finds a user by an alias attribute (email / phone_number / preferred_username), via an index. */
  findUserByAttribute(userPoolId: string, name: string, value: string): User | undefined;
  /** Every user with that email / phone_number / preferred_username (ListUsers' `=` filter), via the same index. */
  findUsersByAttribute(userPoolId: string, name: string, value: string): User[];
  listUsers(userPoolId: string): User[];
  putUser(user: User): Promise<void>;
  deleteUser(userPoolId: string, username: string): Promise<void>;

  /** The user's passkeys, oldest first; deleting the user or the pool deletes them. */
  getWebAuthnCredentials(userPoolId: string, username: string): WebAuthnCredential[];
  /** Replaces the user's passkeys (an empty list removes the entry). */
  putWebAuthnCredentials(userPoolId: string, username: string, credentials: WebAuthnCredential[]): Promise<void>;
  /** A user's auth events (by sub), newest first; gone with the user. */
  listAuthEvents(userPoolId: string, sub: string): AuthEvent[];
  putAuthEvent(userPoolId: string, sub: string, event: AuthEvent): Promise<void>;
  removeAuthEvents(userPoolId: string, sub: string, eventIds: readonly string[]): Promise<void>;
  /** A user's token sessions (by sub), newest first; gone with the user. */
  listTokenSessions(userPoolId: string, sub: string): TokenSession[];
  putTokenSession(userPoolId: string, sub: string, session: TokenSession): Promise<void>;
  removeTokenSessions(userPoolId: string, sub: string, sessionIds: readonly string[]): Promise<void>;

  getKeys(userPoolId: string): PoolKeys | undefined;
  putKeys(userPoolId: string, keys: PoolKeys): Promise<void>;

  /** Hash of the fixture record last applied under this identity (fixtures/seed.ts); kept with the state. */
  getFixtureHash(record: string): string | undefined;
  putFixtureHash(record: string, hash: string): Promise<void>;

  /** The account's provisioned API rate of a `<region>/<category>` (UpdateProvisionedLimit), if set. */
  getProvisionedLimit(key: string): number | undefined;
  putProvisionedLimit(key: string, value: number): Promise<void>;

  /** Revoked refresh-token families (origin_jti), remembered until their tokens expire. */
  revokeOrigin(originJti: string, until: number): Promise<void>;
  isOriginRevoked(originJti: string): boolean;

  /**
   * A refresh token replaced by rotation (by its jti): it keeps working until graceUntil and is
   * remembered until `until` (its own expiry). A second call for the same jti changes nothing.
   */
  markRotated(jti: string, graceUntil: number, until: number): Promise<void>;
  /** When a rotated-out refresh token stops working (epoch ms), or undefined if it was never rotated out. */
  rotatedGraceUntil(jti: string): number | undefined;

  /** Drops expired revocation and rotation records; called periodically. */
  purgeExpired(now: number): void;
  /** Forgets everything but the pools' keys (so tokens already handed out keep verifying): the start of a reset. */
  clear(): void;
  /** Runs several changes with one write at the end (seeding, reset). */
  batch(changes: () => Promise<void>): Promise<void>;
  /** Resolves once every acknowledged change is on disk. */
  flush(): Promise<void>;
  /** Flushes, then lets go of the data file (shutdown). */
  close(): Promise<void>;
}
