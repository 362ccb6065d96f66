// The hosted self-service pages run the same triggers as the JSON API: /signup (pre sign-up,
// custom message), /confirm (post confirmation, then the sign-in triggers), /forgotPassword
// (migration, custom message), /confirmForgotPassword (post confirmation). A refusal from a
// self-service trigger shows on the page like the page's other errors.
import type {
  CustomMessageTriggerHandler,
  PostConfirmationTriggerHandler,
  PreSignUpTriggerHandler,
  UserMigrationTriggerHandler,
} from 'aws-lambda';
import t from 'tap';
import { openPage, postPage, query } from '../helpers/self-service-pages.js';
import { ARN, Calls, startTriggerServer, triggerFixture } from '../helpers/triggers.js';
import { POOL_ID } from '../helpers/fixtures/index.js';

const calls = new Calls();
const preSignUp: PreSignUpTriggerHandler = async (event) => {
  calls.record(event);
  if (event.userName === 'refused') throw new Error('Invitation only');
  return event;
};
const postConfirmation: PostConfirmationTriggerHandler = async (event) => {
  calls.record(event);
  return event;
};
const customMessage: CustomMessageTriggerHandler = async (event) => {
  calls.record(event);
  event.response.emailMessage = `Hosted ${event.triggerSource}: ${event.request.codeParameter}`;
  return event;
};
const migrate: UserMigrationTriggerHandler = async (event) => {
  calls.record(event);
  if (event.userName !== 'oldtimer') throw new Error('Bad username');
  event.response.userAttributes = { email: 'oldtimer@example.com', email_verified: 'true' };
  event.response.messageAction = 'SUPPRESS';
  return event;
};

const server = await startTriggerServer(t, {
  fixture: triggerFixture({
    PreSignUp: ARN('pre'),
    PostConfirmation: ARN('post'),
    CustomMessage: ARN('msg'),
    UserMigration: ARN('migrate'),
  }),
  triggers: { pre: preSignUp, post: postConfirmation, msg: customMessage, migrate },
});
const { app, deps } = server;

t.test('/signup and /confirm', async (t) => {
  const q = query();
  const signup = await openPage(app, `/signup?${q}`);
  const posted = await postPage(app, signup, `/signup?${q}`, {
    username: 'hosted1',
    'requiredAttributes[email]': 'hosted1@example.com',
    password: 'Passw0rd!',
  });
  t.equal(posted.statusCode, 302);
  t.match(calls.last('PreSignUp_SignUp'), { userName: 'hosted1', request: { userAttributes: { email: 'hosted1@example.com' } } });
  const [sent] = deps.messages.find({ userPoolId: POOL_ID, username: 'hosted1' });
  t.equal(sent?.message, `Hosted CustomMessage_SignUp: ${sent?.code}`);
  const confirmUrl = String(posted.headers.location).replace(/^https?:\/\/[^/]+/, '');
  const confirm = await openPage(app, confirmUrl);
  const done = await postPage(app, confirm, confirmUrl, { code: sent?.code ?? '' });
  t.equal(done.statusCode, 302);
  t.match(String(done.headers.location), /^http:\/\/localhost:3000\/callback\?code=/, 'signed in at the app');
  t.match(calls.last('PostConfirmation_ConfirmSignUp'), { userName: 'hosted1' });

  const again = await openPage(app, `/signup?${q}`);
  const refused = await postPage(app, again, `/signup?${q}`, {
    username: 'refused',
    'requiredAttributes[email]': 'r@example.com',
    password: 'Passw0rd!',
  });
  t.equal(refused.statusCode, 200);
  t.match(refused.body, 'PreSignUp failed with error Invitation only.');
});

t.test('/forgotPassword migrates an unknown user, /confirmForgotPassword confirms', async (t) => {
  const q = query();
  const forgot = await openPage(app, `/forgotPassword?${q}`);
  const posted = await postPage(app, forgot, `/forgotPassword?${q}`, { username: 'oldtimer' });
  t.equal(posted.statusCode, 302);
  t.match(calls.last('UserMigration_ForgotPassword'), { userName: 'oldtimer' });
  t.equal(deps.store.getUser(POOL_ID, 'oldtimer')?.UserStatus, 'RESET_REQUIRED');
  const sent = deps.messages.find({ userPoolId: POOL_ID, username: 'oldtimer' }).at(-1);
  t.equal(sent?.message, `Hosted CustomMessage_ForgotPassword: ${sent?.code}`);
  const confirmUrl = String(posted.headers.location).replace(/^https?:\/\/[^/]+/, '');
  const confirm = await openPage(app, confirmUrl);
  const done = await postPage(app, confirm, confirmUrl, {
    code: sent?.code ?? '',
    password: 'Fresh-Passw0rd1',
    confirmPassword: 'Fresh-Passw0rd1',
  });
  t.equal(done.statusCode, 302);
  t.equal(deps.store.getUser(POOL_ID, 'oldtimer')?.UserStatus, 'CONFIRMED');
  t.match(calls.last('PostConfirmation_ConfirmForgotPassword'), { userName: 'oldtimer' });
});
