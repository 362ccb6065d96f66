// DeviceType as GetDevice / ListDevices return it, and ListDevices' pages.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceType.html
import type { DeviceType, ListDevicesResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Device, User } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

export function deviceType(d: Device): Wire<DeviceType> {
  return {
    DeviceKey: d.DeviceKey,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      ...(d.DeviceName !== undefined ? [{ Name: 'device_name', Value: d.DeviceName }] : []),
      { Name: 'dev:device_remembered_status', Value: d.RememberedStatus },
    ],
    DeviceCreateDate: seconds(d.DeviceCreateDate),
    DeviceLastModifiedDate: seconds(d.DeviceLastModifiedDate),
    DeviceLastAuthenticatedDate: seconds(d.DeviceLastAuthenticatedDate),
  };
}

/** ListDevices' page: Limit 0–60 (default 60), PaginationToken = the last key of the previous page. */
export function devicePage(user: User, limit: number | undefined, token: string | undefined): Wire<ListDevicesResponse> {
  const confirmed = (user.Devices ?? []).filter((d) => d.Verifier !== undefined);
  const start = token === undefined ? 0 : confirmed.findIndex((d) => d.DeviceKey === token) + 1;
  if (token !== undefined && start === 0) throw new CognitoError('InvalidParameterException', 'Invalid pagination token.');
  const size = limit === undefined || limit === 0 ? 60 : limit;
  const page = confirmed.slice(start, start + size);
  const more = start + size < confirmed.length;
  return { Devices: page.map(deviceType), PaginationToken: more && page.length > 0 ? page.at(-1)?.DeviceKey : undefined };
}
