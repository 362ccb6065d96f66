// MFAOptions of SetUserSettings and AdminSetUserSettings, the legacy way to turn SMS MFA on or off
// ("This action is no longer supported. You can use it to configure only SMS MFA"):
// [{DeliveryMedium: SMS, AttributeName: phone_number}] turns SMS MFA on (the user needs a phone
// number), an empty list turns it off (sms-mfa.ts); any other option is refused.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserSettings.html
import { CognitoError } from '../../../errors/cognito-error.js';
import { invalid } from '../../input.js';
import type { Input } from '../../operation.js';

/** true: SMS MFA on; false: off. */
export function readSmsOption(input: Input): boolean {
  const options = input.MFAOptions;
  if (options === undefined || options === null) throw invalid('MFAOptions', options, 'Member must not be null');
  if (!Array.isArray(options)) throw new CognitoError('SerializationException', 'MFAOptions must be a list');
  for (const option of options as unknown[]) {
    const { DeliveryMedium, AttributeName } = (option ?? {}) as Record<string, unknown>;
    if (DeliveryMedium !== 'SMS' || AttributeName !== 'phone_number') {
      throw new CognitoError(
        'InvalidParameterException',
        'Only SMS delivery to phone_number can be set with MFAOptions; use SetUserMFAPreference for other factors.',
      );
    }
  }
  return options.length > 0;
}
