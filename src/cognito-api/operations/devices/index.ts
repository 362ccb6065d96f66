// Tracked devices: ConfirmDevice and, each by access token and as an Admin* twin by pool and
// username, GetDevice, ListDevices, UpdateDeviceStatus and ForgetDevice.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import type { Operation } from '../../operation.js';
import { confirmDevice } from './confirm-device.js';
import { byAdmin, byToken } from './device-input.js';
import { forgetDevice } from './forget-device.js';
import { getDevice } from './get-device.js';
import { listDevices } from './list-devices.js';
import { updateDeviceStatus } from './update-device-status.js';

export const DEVICE_OPERATIONS: Record<string, Operation> = {
  ConfirmDevice: confirmDevice,
  GetDevice: getDevice(byToken),
  AdminGetDevice: getDevice(byAdmin),
  ListDevices: listDevices(byToken),
  AdminListDevices: listDevices(byAdmin),
  UpdateDeviceStatus: updateDeviceStatus(byToken),
  AdminUpdateDeviceStatus: updateDeviceStatus(byAdmin),
  ForgetDevice: forgetDevice(byToken),
  AdminForgetDevice: forgetDevice(byAdmin),
};
