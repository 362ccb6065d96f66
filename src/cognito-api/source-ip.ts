// The IP address threat protection judges a request by. Admin operations run on the app's server,
// so Cognito takes the end user's address from ContextData.IpAddress, which the server passes on;
// public operations are judged by the address the request came from.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-adaptive-authentication.html
import type { Input, OperationContext } from './operation.js';

export function sourceIp(input: Input, ctx: OperationContext | undefined, api: 'user' | 'admin'): string | undefined {
  if (api === 'admin') {
    const data = input.ContextData;
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const ip = (data as Record<string, unknown>).IpAddress;
      if (typeof ip === 'string' && ip !== '') return ip;
    }
  }
  return ctx?.ip;
}
