// A pre sign-up handler as an app would write it, typed with @types/aws-lambda. The tests run it
// in-process, as a local module (this TypeScript file, in a worker thread) and behind a Lambda
// Invoke API. What it does depends on the user's given_name:
//   auto → confirm and verify the email; reject → throw; hang → never answer; malformed → return
//   something that is not the event; spin → block its thread; crash → exit its runtime.
import type { PreSignUpTriggerEvent, PreSignUpTriggerHandler } from 'aws-lambda';

export const handler: PreSignUpTriggerHandler = async (event: PreSignUpTriggerEvent) => {
  const name = event.request.userAttributes.given_name;
  if (name === 'reject') throw new Error(`Sign-up refused for ${event.request.userAttributes.email ?? '?'}`);
  if (name === 'hang') await new Promise(() => {});
  if (name === 'malformed') return 'not an event' as unknown as PreSignUpTriggerEvent;
  if (name === 'spin')
    for (;;) {
      /* a handler stuck in a loop */
    }
  if (name === 'crash') process.exit(129);
  if (name === 'auto') {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
  }
  return event;
};
