// A plain JavaScript handler in the callback style (handler(event, context, callback)).
// It writes the event and context it got to the file named by the caller's ClientMetadata `trace`,
// so the test can read what a local module received.
import { writeFileSync } from 'node:fs';

export function handler(event, context, callback) {
  const trace = event.request.clientMetadata?.trace;
  if (trace)
    writeFileSync(trace, JSON.stringify({ event, functionName: context.functionName, remaining: context.getRemainingTimeInMillis() }));
  callback(null, event);
}
