// A user taken over from an old user store by the migrate-user trigger (AWS developer guide,
// "Migrate user Lambda trigger"): created with the attributes the function returned, a new sub,
// the password it accepted (the pool's password policy is not applied to it), and its
// finalUserStatus (RESET_REQUIRED when unset). Unless messageAction is SUPPRESS a welcome message
// is recorded in /_emulator/messages (kind UserMigration; Cognito's text is not documented).
// forceAliasCreation takes a verified email / phone alias over from the user holding it (who keeps
// the value, unverified, and can no longer sign in with it); without it the migration fails with
// AliasExistsException, as AdminCreateUser's ForceAliasCreation does. enableSMSMFA turns SMS MFA on
// and needs a phone_number: "or else the migration of that user will fail".
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import { CognitoError } from '../errors/cognito-error.js';
import type { User, UserPool } from '../domain/model.js';
import { aliasConflict, aliasExistsMessage } from '../users/attribute-rules.js';
import { unrecognizableOutput } from '../triggers/errors.js';
import { userMigration } from '../triggers/sign-in.js';
import type { SignInContext } from './outcome.js';

/** What a migration uses of the emulator's services. */
export type MigrationDeps = Pick<Deps, 'clock' | 'credentials' | 'messages' | 'store' | 'triggers'>;

export async function migrateUser(
  ctx: Pick<SignInContext, 'pool' | 'client' | 'metadata'> & { deps: MigrationDeps },
  login: string,
  password: string | undefined,
  source: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword',
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
  // Checked before anything is written: a failed migration leaves the pool as it was.
  if (migration.enableSMSMFA && !attributes.phone_number) throw unrecognizableOutput();
  const now = deps.clock.now();
  const user: User = {
    UserPoolId: pool.Id,
    Username: username,
    Attributes: attributes,
    Enabled: true,
    Groups: [],
    UserStatus: source === 'UserMigration_ForgotPassword' ? 'RESET_REQUIRED' : migration.finalUserStatus,
    UserCreateDate: now,
    UserLastModifiedDate: now,
    ...(migration.enableSMSMFA ? { UserMFASettingList: ['SMS_MFA' as const] } : {}),
  };
  if (password !== undefined) await deps.credentials.setPassword(user, password);
  // Two sign-ins migrating the same user at once: the first one stored wins.
  const existing = deps.store.getUser(pool.Id, username);
  if (existing) return existing;
  await takeAliases(deps, pool, user, migration.forceAliasCreation);
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

/** The aliases the new user claims that another user signs in with: moved when forced, else refused. */
async function takeAliases(deps: Pick<Deps, 'store' | 'clock'>, pool: UserPool, user: User, force: boolean): Promise<void> {
  for (;;) {
    const conflict = aliasConflict(deps.store, pool, user.Username, user.Attributes);
    if (!conflict) return;
    // Only an email or phone alias moves; a username attribute is how the other user signs in at all.
    const movable = (conflict === 'email' || conflict === 'phone_number') && !pool.UsernameAttributes.includes(conflict);
    if (!force || !movable) throw new CognitoError('AliasExistsException', aliasExistsMessage(conflict));
    const value = user.Attributes[conflict] as string;
    for (const other of deps.store.findUsersByAttribute(pool.Id, conflict, value)) {
      if (other.Username === user.Username || other.Attributes[`${conflict}_verified`] !== 'true') continue;
      await deps.store.putUser({
        ...other,
        Attributes: { ...other.Attributes, [`${conflict}_verified`]: 'false' },
        UserLastModifiedDate: deps.clock.now(),
      });
    }
  }
}
