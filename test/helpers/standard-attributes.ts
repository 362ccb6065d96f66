// Cognito's standard attributes in the order Cognito lists them (DescribeUserPool's SchemaAttributes
// and GetCSVHeader), written out here as the tests' expected values, independent of the emulator's list.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
export const STANDARD_ATTRIBUTES = [
  'sub',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
] as const;
