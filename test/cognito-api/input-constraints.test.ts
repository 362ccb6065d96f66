// The model's constraint check with members no SDK sends but any client can: objects whose
// toString and valueOf are not functions, inside maps and lists of simple values. Each is refused as
// Cognito refuses a JSON type it cannot bind, never a 500.
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';

const HOSTILE = ['{"toString":null,"valueOf":null}', '{"toString":1}', '[{"toString":null,"valueOf":null}]'];

t.test('hostile objects in maps and lists: SerializationException, not a 500', async (t) => {
  const { app } = await testEmulator(t);
  const call = (target: string, body: string) =>
    app.inject({
      method: 'POST',
      url: '/',
      payload: body,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    });
  for (const value of HOSTILE) {
    // ClientMetadata is a map of strings; an over-long key makes the key check report the map first.
    const metadata = await call(
      'ResendConfirmationCode',
      `{"ClientId":"abc","Username":"u","ClientMetadata":{"${'k'.repeat(200)}":${value},"b":${value}}}`,
    );
    t.equal(metadata.statusCode, 400, `map value ${value}`);
    t.equal(metadata.json().__type, 'SerializationException');
    // AttributesToGet is a list of strings.
    const list = await call('ListUsers', `{"UserPoolId":"us-east-1_TestPool1","AttributesToGet":["${'x'.repeat(5000)}",${value}]}`);
    t.equal(list.statusCode, 400, `list member ${value}`);
    t.equal(list.json().__type, 'SerializationException');
  }
});
