// Pre sign-up, post confirmation, custom message and custom sender triggers: the exact events
// (common fields, request, pre-filled response) and every honoured response field, with
// in-process handlers typed with @types/aws-lambda.
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type {
  CustomEmailSenderTriggerHandler,
  CustomMessageTriggerHandler,
  PostConfirmationTriggerHandler,
  PreSignUpTriggerHandler,
} from 'aws-lambda';
import t from 'tap';
import { PASSWORD, PUBLIC_CLIENT, POOL_ID } from '../helpers/fixtures/index.js';
import { rejectsWith } from '../helpers/sdk.js';
import { ARN, Calls, KMS_KEY, messages, startTriggerServer, triggerFixture } from '../helpers/triggers.js';

const calls = new Calls();

const preSignUp: PreSignUpTriggerHandler = async (event) => {
  calls.record(event);
  const flags = event.request.validationData?.flags ?? '';
  if (flags.includes('confirm')) event.response.autoConfirmUser = true;
  if (flags.includes('email')) event.response.autoVerifyEmail = true;
  if (flags.includes('phone')) event.response.autoVerifyPhone = true;
  return event;
};
const postConfirmation: PostConfirmationTriggerHandler = async (event) => {
  calls.record(event);
  if (event.request.clientMetadata?.fail === 'yes') throw new Error('provisioning failed');
  return event;
};
const customMessage: CustomMessageTriggerHandler = async (event) => {
  calls.record(event);
  const { codeParameter, usernameParameter } = event.request;
  event.response.emailSubject = `[${event.triggerSource}] Welcome`;
  event.response.emailMessage =
    event.triggerSource === 'CustomMessage_AdminCreateUser'
      ? `Hello ${usernameParameter ?? '?'}, your temporary password is ${codeParameter}`
      : `Your code for ${event.triggerSource} is ${codeParameter}`;
  event.response.smsMessage = `SMS code ${codeParameter}`;
  return event;
};

const server = await startTriggerServer(t, {
  fixture: triggerFixture({
    PreSignUp: ARN('pre-sign-up'),
    PostConfirmation: ARN('post-confirmation'),
    CustomMessage: ARN('custom-message'),
  }),
  triggers: { 'pre-sign-up': preSignUp, 'post-confirmation': postConfirmation, 'custom-message': customMessage },
});
const { sdk } = server;

const signUp = (Username: string, flags = '', extra: Array<{ Name: string; Value: string }> = []) =>
  sdk.send(
    new SignUpCommand({
      ClientId: PUBLIC_CLIENT,
      Username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }, ...extra],
      ValidationData: [{ Name: 'flags', Value: flags }],
      ClientMetadata: { source: 'test' },
    }),
  );
const status = async (Username: string) => sdk.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username }));
const attr = (out: { UserAttributes?: Array<{ Name?: string; Value?: string }> }, name: string) =>
  out.UserAttributes?.find((a) => a.Name === name)?.Value;

t.test('PreSignUp_SignUp: the event', async (t) => {
  await signUp('evt1', '', [{ Name: 'given_name', Value: 'Eve' }]);
  const e = calls.last('PreSignUp_SignUp');
  t.same(Object.keys(e ?? {}), ['version', 'triggerSource', 'region', 'userPoolId', 'userName', 'callerContext', 'request', 'response']);
  t.match(e, {
    version: '1',
    region: 'us-east-1',
    userPoolId: POOL_ID,
    userName: 'evt1',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: PUBLIC_CLIENT },
    request: {
      userAttributes: { email: 'evt1@example.com', given_name: 'Eve' },
      validationData: { flags: '' },
      clientMetadata: { source: 'test' },
    },
  });
  t.same(e?.response, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false }, 'pre-filled response');
  t.notOk('sub' in (e?.request.userAttributes ?? {}), 'no sub before the user exists');
});

t.test('PreSignUp_SignUp: autoConfirmUser, autoVerifyEmail, autoVerifyPhone', async (t) => {
  const plain = await signUp('plain1');
  t.equal(plain.UserConfirmed, false);
  t.equal((await status('plain1')).UserStatus, 'UNCONFIRMED');
  t.equal(plain.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL', 'a code is sent');

  const confirmed = await signUp('auto1', 'confirm,email,phone', [{ Name: 'phone_number', Value: '+15555550123' }]);
  t.equal(confirmed.UserConfirmed, true);
  t.equal(confirmed.CodeDeliveryDetails, undefined, 'nothing to confirm: no code');
  const user = await status('auto1');
  t.equal(user.UserStatus, 'CONFIRMED');
  t.equal(attr(user, 'email_verified'), 'true');
  t.equal(attr(user, 'phone_number_verified'), 'true');
  const tokens = await sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'auto1', PASSWORD } }),
  );
  t.ok(tokens.AuthenticationResult?.IdToken, 'the auto-confirmed user signs in');

  const confirmOnly = await signUp('auto2', 'confirm');
  t.equal(confirmOnly.UserConfirmed, true);
  t.equal(attr(await status('auto2'), 'email_verified'), undefined, 'email not verified without autoVerifyEmail');
  t.equal(postConfirmationFor('auto2').length, 0, 'auto-confirmation does not fire post confirmation');
});

const postConfirmationFor = (user: string) =>
  calls.events.filter((e) => e.userName === user && String(e.triggerSource).startsWith('PostConfirmation'));

t.test('PreSignUp_AdminCreateUser: fired, response ignored', async (t) => {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: 'admin1',
      UserAttributes: [{ Name: 'email', Value: 'admin1@example.com' }],
      ValidationData: [{ Name: 'flags', Value: 'confirm,email' }],
      MessageAction: 'SUPPRESS',
    }),
  );
  const e = calls.last('PreSignUp_AdminCreateUser');
  t.match(e, {
    userName: 'admin1',
    callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
    request: { validationData: { flags: 'confirm,email' } },
  });
  const user = await status('admin1');
  t.equal(user.UserStatus, 'FORCE_CHANGE_PASSWORD', 'autoConfirmUser ignored for AdminCreateUser');
  t.equal(attr(user, 'email_verified'), undefined, 'autoVerifyEmail ignored');
});

t.test('PostConfirmation_ConfirmSignUp / _ConfirmForgotPassword', async (t) => {
  await signUp('conf1');
  const code = (await messages(server, 'conf1')).at(-1)?.code ?? '';
  await sdk.send(
    new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'conf1', ConfirmationCode: code, ClientMetadata: { step: 'confirm' } }),
  );
  const e = calls.last('PostConfirmation_ConfirmSignUp');
  t.match(e, {
    version: '1',
    userName: 'conf1',
    callerContext: { clientId: PUBLIC_CLIENT },
    request: {
      userAttributes: { email: 'conf1@example.com', email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
      clientMetadata: { step: 'confirm' },
    },
  });
  t.match(e?.request.userAttributes.sub, /^[0-9a-f-]{36}$/, 'sub included');
  t.same(e?.response, {});

  await signUp('conf2');
  await sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'conf2' }));
  t.match(calls.last('PostConfirmation_ConfirmSignUp'), { userName: 'conf2', callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' } });

  await sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'conf1' }));
  const reset = (await messages(server, 'conf1')).at(-1)?.code ?? '';
  await sdk.send(
    new ConfirmForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'conf1', ConfirmationCode: reset, Password: 'An0ther-Passw0rd' }),
  );
  t.match(calls.last('PostConfirmation_ConfirmForgotPassword'), {
    userName: 'conf1',
    request: { userAttributes: { 'cognito:user_status': 'CONFIRMED' } },
  });

  await signUp('conf3');
  const code3 = (await messages(server, 'conf3')).at(-1)?.code ?? '';
  await rejectsWith(
    t,
    sdk.send(
      new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'conf3', ConfirmationCode: code3, ClientMetadata: { fail: 'yes' } }),
    ),
    'UserLambdaValidationException',
    'PostConfirmation failed with error provisioning failed.',
  );
});

t.test('CustomMessage: every source, the text recorded in /_emulator/messages', async (t) => {
  await signUp('msg1');
  let e = calls.last('CustomMessage_SignUp');
  t.match(e, {
    userName: 'msg1',
    callerContext: { clientId: PUBLIC_CLIENT },
    request: {
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      userAttributes: { email: 'msg1@example.com', 'cognito:user_status': 'UNCONFIRMED' },
      clientMetadata: { source: 'test' },
    },
  });
  t.same(e?.response, { smsMessage: null, emailMessage: null, emailSubject: null });
  let m = (await messages(server, 'msg1')).at(-1)!;
  t.equal(m.message, `Your code for CustomMessage_SignUp is ${m.code}`, 'the trigger text with the real code');
  t.equal(m.subject, '[CustomMessage_SignUp] Welcome');

  await sdk.send(new ResendConfirmationCodeCommand({ ClientId: PUBLIC_CLIENT, Username: 'msg1' }));
  m = (await messages(server, 'msg1')).at(-1)!;
  t.equal(m.message, `Your code for CustomMessage_ResendCode is ${m.code}`);

  await sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'msg1', ConfirmationCode: m.code ?? '' }));
  await sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'msg1' }));
  t.ok(calls.last('CustomMessage_ForgotPassword'), 'AdminResetUserPassword sends CustomMessage_ForgotPassword');
  await sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'msg1' }));
  m = (await messages(server, 'msg1')).at(-1)!;
  t.equal(m.message, `Your code for CustomMessage_ForgotPassword is ${m.code}`);
  t.equal(m.trigger, 'ForgotPassword');

  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: POOL_ID,
      Username: 'msg2',
      TemporaryPassword: 'Temp-Passw0rd1',
      UserAttributes: [{ Name: 'email', Value: 'msg2@example.com' }],
      DesiredDeliveryMediums: ['EMAIL'],
    }),
  );
  e = calls.last('CustomMessage_AdminCreateUser');
  t.match(e, {
    request: { usernameParameter: '{username}', codeParameter: '{####}' },
    callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
  });
  m = (await messages(server, 'msg2')).at(-1)!;
  t.equal(m.message, 'Hello msg2, your temporary password is Temp-Passw0rd1', 'username and temporary password filled in');

  const signIn = await sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
  );
  const AccessToken = signIn.AuthenticationResult?.AccessToken ?? '';
  await sdk.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: 'alice2@example.com' }] }));
  m = (await messages(server, 'alice')).at(-1)!;
  t.equal(m.message, `Your code for CustomMessage_UpdateUserAttribute is ${m.code}`);
  await sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'phone_number' }));
  m = (await messages(server, 'alice')).at(-1)!;
  t.equal(m.deliveryMedium, 'SMS');
  t.equal(m.message, `SMS code ${m.code}`, 'smsMessage for SMS');
  t.equal(m.subject, undefined);
  t.ok(calls.last('CustomMessage_VerifyUserAttribute'));
});

t.test('default texts without a custom message trigger; custom email sender', async (t) => {
  const senderCalls = new Calls();
  const sender: CustomEmailSenderTriggerHandler = async (event) => {
    senderCalls.record(event);
  };
  const plain = await startTriggerServer(t, {
    fixture: triggerFixture({ CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: ARN('sender') }, KMSKeyID: KMS_KEY }),
    triggers: { sender },
  });
  await plain.sdk.send(
    new SignUpCommand({
      ClientId: PUBLIC_CLIENT,
      Username: 'snd1',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'snd1@example.com' }],
      ClientMetadata: { a: 'b' },
    }),
  );
  const m = (await messages(plain, 'snd1')).at(-1)!;
  t.equal(m.sender, 'CustomEmailSender', 'recorded as handed to the custom sender');
  t.equal(m.message, undefined, 'no text: the sender composes it');
  await new Promise((r) => setTimeout(r, 50));
  const e = senderCalls.last('CustomEmailSender_SignUp');
  t.match(e, {
    version: '1',
    userName: 'snd1',
    request: {
      type: 'customEmailSenderRequestV1',
      code: m.code,
      clientMetadata: { a: 'b' },
      userAttributes: { email: 'snd1@example.com' },
    },
  });

  const none = await startTriggerServer(t, { fixture: triggerFixture({}) });
  await none.sdk.send(
    new SignUpCommand({
      ClientId: PUBLIC_CLIENT,
      Username: 'def1',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'def1@example.com' }],
    }),
  );
  const d = (await messages(none, 'def1')).at(-1)!;
  t.equal(d.message, `Your verification code is ${d.code}.`);
  t.equal(d.subject, 'Your verification code');
});
