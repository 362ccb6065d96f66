// Which operation a JSON API request calls: X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html).
import type { IncomingHttpHeaders } from 'node:http';

export const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** The operation named by the X-Amz-Target header, or undefined when it names none. */
export function targetOperation(headers: IncomingHttpHeaders): string | undefined {
  const target = headers['x-amz-target'];
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
}
