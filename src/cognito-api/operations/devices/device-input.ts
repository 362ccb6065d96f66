// What the device operations read from their input: the user (through the access token, or the
// pool and username of the Admin* twins), the device it names and ConfirmDevice's SRP verifier.
import type { Deps } from '../../../deps.js';
import type { Device, User } from '../../../domain/model.js';
import { findDevice } from '../../../devices/devices.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalStructure, requiredString } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Input } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';

/** How an operation finds the user whose devices it works on, given only the Deps `K`. */
export type Who<K extends keyof Deps> = (deps: Pick<Deps, K>, input: Input) => Promise<User>;

export type TokenDeps = 'clock' | 'keys' | 'store' | 'urls';

/** GetDevice, ListDevices, …: the user of the AccessToken. */
export const byToken: Who<TokenDeps> = async (deps, input) => (await userFromAccessToken(deps, input)).user;

/** AdminGetDevice, AdminListDevices, …: UserPoolId and Username. */
export const byAdmin: Who<'store'> = async (deps, input) => namedUser(deps.store, input).user;

export const deviceKey = (input: Input): string => requiredString(input, 'DeviceKey', 55);

/** A confirmed device of the user (unconfirmed ones do not exist for these operations). */
function deviceOrThrow(user: User, key: string): Device {
  const device = findDevice(user, key);
  if (!device?.Verifier) throw new CognitoError('ResourceNotFoundException', 'Device does not exist.');
  return device;
}

/** The user `who` finds and their confirmed device that DeviceKey names. */
export async function namedDevice<K extends keyof Deps>(
  who: Who<K>,
  deps: Pick<Deps, K>,
  input: Input,
): Promise<{ user: User; device: Device }> {
  const user = await who(deps, input);
  return { user, device: deviceOrThrow(user, deviceKey(input)) };
}

/** Base64 of the client's bytes, as minimal hex (the SRP code's form). */
function hexOf(base64: string, name: string): string {
  const hex = Buffer.from(base64, 'base64').toString('hex').replace(/^0+/, '');
  if (hex === '' || !/^[A-Za-z0-9+/]+=*$/.test(base64)) throw new CognitoError('InvalidParameterException', `${name} must be base64`);
  return hex;
}

/** ConfirmDevice's DeviceSecretVerifierConfig (required), as the device's stored verifier. */
export function deviceVerifier(input: Input): NonNullable<Device['Verifier']> {
  const config = optionalStructure(input, 'DeviceSecretVerifierConfig');
  if (!config) throw new CognitoError('InvalidParameterException', 'DeviceSecretVerifierConfig is required');
  return {
    PasswordVerifier: hexOf(requiredString(config, 'PasswordVerifier'), 'PasswordVerifier'),
    Salt: hexOf(requiredString(config, 'Salt'), 'Salt'),
  };
}
