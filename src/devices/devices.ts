// Tracked devices, kept on the user record: a device key for every sign-in of a pool that tracks
// devices (NewDeviceMetadata), confirmed by the client with its own SRP verifier (ConfirmDevice),
// remembered at once or on the user's say-so (DeviceOnlyRememberedOnUserPrompt).
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Device, User, UserPool } from '../domain/model.js';
import { saveUserChanges } from '../domain/users.js';
import type { Store } from '../store/store.js';

/** Devices a client got metadata for but never confirmed: only the newest few are kept. */
const MAX_UNCONFIRMED = 10;

type StoreDeps = { store: Store; clock: Clock };

export const tracksDevices = (pool: UserPool): boolean => pool.DeviceConfiguration !== undefined;

export const findDevice = (user: User, key: string): Device | undefined => user.Devices?.find((d) => d.DeviceKey === key);

/** A confirmed, remembered device of this user: it may sign in with device authentication. */
export function rememberedDevice(user: User, key: string | undefined): Device | undefined {
  const device = key === undefined ? undefined : findDevice(user, key);
  return device?.Verifier !== undefined && device.RememberedStatus === 'remembered' ? device : undefined;
}

/** NewDeviceMetadata for a sign-in: a new, unconfirmed device on the user. */
export async function newDevice(deps: StoreDeps, user: User): Promise<{ DeviceKey: string; DeviceGroupKey: string }> {
  const region = user.UserPoolId.slice(0, user.UserPoolId.indexOf('_'));
  const now = deps.clock.now();
  const device: Device = {
    // Cognito's shapes: `us-west-2_a1b2c3d4-…` and a short group key such as `-wt2ha1Zd`.
    DeviceKey: `${region}_${randomUUID()}`,
    DeviceGroupKey: `-${randomBytes(6).toString('base64url')}`,
    RememberedStatus: 'not_remembered',
    DeviceCreateDate: now,
    DeviceLastModifiedDate: now,
    DeviceLastAuthenticatedDate: now,
  };
  await saveUserChanges(deps, user, (current) => {
    const devices = current.Devices ?? [];
    const unconfirmed = devices.filter((d) => d.Verifier === undefined);
    const dropped = new Set(unconfirmed.slice(0, Math.max(0, unconfirmed.length - MAX_UNCONFIRMED + 1)).map((d) => d.DeviceKey));
    return { Devices: [...devices.filter((d) => !dropped.has(d.DeviceKey)), device] };
  });
  return { DeviceKey: device.DeviceKey, DeviceGroupKey: device.DeviceGroupKey };
}

/** Replaces one device on the user as stored now; undefined when the user or device is gone. */
export async function updateDevice(
  deps: StoreDeps,
  user: User,
  key: string,
  change: (d: Device) => Device | undefined,
): Promise<User | undefined> {
  return saveUserChanges(deps, user, (current) => ({
    Devices: (current.Devices ?? []).flatMap((d) => {
      if (d.DeviceKey !== key) return [d];
      const next = change(d);
      return next ? [{ ...next, DeviceLastModifiedDate: deps.clock.now() }] : [];
    }),
  }));
}
