// A user taken over from an old user store by the migrate-user trigger (AWS developer guide,
// "Migrate user Lambda trigger"): created with the attributes the function returned, a new sub,
// the password it accepted (the pool's password policy is not applied to it), and its
// finalUserStatus (RESET_REQUIRED when unset). Unless messageAction is SUPPRESS a welcome message
// is recorded in /_emulator/messages (kind UserMigration; Cognito's text is not documented).
import { randomUUID } from 'node:crypto';
import type { User } from '../domain/model.js';
import { userMigration } from '../triggers/sign-in.js';
import type { SignInContext } from './outcome.js';

export async function migrateUser(
  ctx: SignInContext, login: string, password: string | undefined, source: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword',
): Promise<User | undefined> {
  const { deps, pool } = ctx;
  const migration = await userMigration({ deps, pool, clientId: ctx.client.ClientId, metadata: ctx.metadata }, source, login, password);
  if (!migration) return undefined;
  const sub = randomUUID();
  const attributes: Record<string, string> = { ...migration.attributes, sub };
  let username = login;
  // In pools that sign in with email or phone number the username is the sub and the login an attribute.
  if (pool.UsernameAttributes.length > 0) {
    username = sub;
    const alias = login.includes('@') ? 'email' : 'phone_number';
    if (pool.UsernameAttributes.includes(alias) && attributes[alias] === undefined) attributes[alias] = login;
  }
  const now = deps.clock.now();
  const user: User = {
    UserPoolId: pool.Id, Username: username, Attributes: attributes, Enabled: true, Groups: [],
    UserStatus: source === 'UserMigration_ForgotPassword' ? 'RESET_REQUIRED' : migration.finalUserStatus,
    UserCreateDate: now, UserLastModifiedDate: now,
  };
  if (password !== undefined) await deps.credentials.setPassword(user, password);
  // Two sign-ins migrating the same user at once: the first one stored wins.
  const existing = deps.store.getUser(pool.Id, username);
  if (existing) return existing;
  await deps.store.putUser(user);
  if (migration.messageAction !== 'SUPPRESS') {
    for (const medium of migration.desiredDeliveryMediums) {
      const destination = attributes[medium === 'EMAIL' ? 'email' : 'phone_number'];
      if (destination === undefined) continue;
      deps.messages.add({ userPoolId: pool.Id, username, trigger: 'UserMigration', deliveryMedium: medium, destination, createdAt: now });
    }
  }
  return user;
}
