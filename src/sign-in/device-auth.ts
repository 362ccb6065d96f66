// Device authentication: after the first factor, a remembered device proves itself with SRP
// against the verifier it registered (ConfirmDevice), and then skips MFA — "a remembered device
// can sign in with device authentication instead of SMS and TOTP factors". DEVICE_SRP_AUTH takes
// SRP_A; DEVICE_PASSWORD_VERIFIER takes the signature, made with the device group key in place of
// the pool name and the device key in place of the username.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceConfigurationType.html
import { randomBytes } from 'node:crypto';
import { parseSrpA, serverEphemeral, verifySrpProof } from '../domain/srp.js';
import type { Device, User } from '../domain/model.js';
import { rememberedDevice, tracksDevices, updateDevice } from '../devices/devices.js';
import type { MfaFailure } from './mfa-answer.js';
import { claim, pendingChallenge } from './mfa-answer.js';
import { mfaChallenge } from './mfa.js';
import type { SignInContext, SignInSuccess } from './outcome.js';
import { signedIn } from './sign-in.js';

/** DEVICE_SRP_AUTH when the client named a remembered device of this user, else undefined. */
export function deviceChallenge(ctx: SignInContext, user: User): SignInSuccess | undefined {
  if (!tracksDevices(ctx.pool)) return undefined;
  const device = rememberedDevice(user, ctx.deviceKey);
  if (!device) return undefined;
  return mfaChallenge(ctx, user, 'DEVICE_SRP_AUTH', {}, { device: { key: device.DeviceKey } });
}

export type DeviceOutcome = { kind: 'failed'; failure: MfaFailure | 'bad-srp-a' } | SignInSuccess;

/** DEVICE_SRP_AUTH answered with SRP_A: DEVICE_PASSWORD_VERIFIER with the device's salt and B. */
export async function answerDeviceSrp(
  ctx: SignInContext,
  session: string | undefined,
  username: string,
  srpA: string,
): Promise<DeviceOutcome> {
  const found = pendingChallenge(ctx, session, 'DEVICE_SRP_AUTH', username);
  if (typeof found === 'string') return { kind: 'failed', failure: found };
  const device = rememberedDevice(found.user, found.pending.device?.key);
  const A = parseSrpA(srpA);
  if (!device?.Verifier) return { kind: 'failed', failure: 'invalid-session' };
  if (A === undefined) return { kind: 'failed', failure: 'bad-srp-a' };
  const { b, B } = serverEphemeral(device.Verifier.PasswordVerifier);
  const secretBlock = randomBytes(64).toString('base64');
  if (!(await claim(ctx, session))) return { kind: 'failed', failure: 'invalid-session' };
  return mfaChallenge(
    ctx,
    found.user,
    'DEVICE_PASSWORD_VERIFIER',
    {
      DEVICE_KEY: device.DeviceKey,
      SALT: device.Verifier.Salt,
      SECRET_BLOCK: secretBlock,
      SRP_B: B.toString(16),
      USERNAME: found.user.Username,
    },
    { device: { key: device.DeviceKey, A: A.toString(16), b: b.toString(16), B: B.toString(16), secretBlock } },
  );
}

export interface DeviceProof {
  username: string;
  secretBlock: string;
  timestamp: string;
  signature: string;
}

/** DEVICE_PASSWORD_VERIFIER: a right signature signs in without MFA. */
export async function answerDevicePasswordVerifier(
  ctx: SignInContext,
  session: string | undefined,
  proof: DeviceProof,
): Promise<DeviceOutcome> {
  const found = pendingChallenge(ctx, session, 'DEVICE_PASSWORD_VERIFIER', proof.username);
  if (typeof found === 'string') return { kind: 'failed', failure: found };
  const state = found.pending.device;
  const device: Device | undefined = rememberedDevice(found.user, state?.key);
  const valid =
    device?.Verifier !== undefined &&
    state?.A !== undefined &&
    state.b !== undefined &&
    state.B !== undefined &&
    proof.secretBlock === state.secretBlock &&
    verifySrpProof({
      poolName: device.DeviceGroupKey,
      username: device.DeviceKey,
      verifierHex: device.Verifier.PasswordVerifier,
      A: BigInt(`0x${state.A}`),
      b: BigInt(`0x${state.b}`),
      B: BigInt(`0x${state.B}`),
      secretBlock: proof.secretBlock,
      timestamp: proof.timestamp,
      signature: proof.signature,
    });
  if (!valid || !device) return { kind: 'failed', failure: 'code-mismatch' };
  if (!(await claim(ctx, session))) return { kind: 'failed', failure: 'invalid-session' };
  const now = ctx.deps.clock.now();
  const user =
    (await updateDevice(ctx.deps, found.user, device.DeviceKey, (d) => ({ ...d, DeviceLastAuthenticatedDate: now }))) ?? found.user;
  const done = await signedIn(ctx, user);
  return done.kind === 'signed-in' ? { ...done, deviceKey: device.DeviceKey } : done;
}
