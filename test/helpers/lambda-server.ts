// A minimal AWS Lambda Invoke API on 127.0.0.1 (what `sam local start-lambda` or LocalStack serve):
// POST /2015-03-31/functions/{FunctionName}/invocations runs the named handler and answers with
// its JSON, or with X-Amz-Function-Error: Unhandled and Lambda's {errorType, errorMessage}.
import { createServer, type Server } from 'node:http';
import type { Test } from 'tap';
import type { TriggerHandler } from '../../src/triggers/in-process.js';

export interface LambdaServer {
  endpoint: string;
  /** Function names (the last part of the ARN) the server was asked to invoke, in order. */
  invoked: string[];
  /** Raw request headers of the last call (the SDK's signature, invocation type). */
  lastHeaders?: Record<string, string | string[] | undefined>;
}

export async function startLambdaServer(t: Test, handlers: Record<string, TriggerHandler>): Promise<LambdaServer> {
  const state: LambdaServer = { endpoint: '', invoked: [] };
  const server: Server = createServer((req, res) => {
    const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fn = decodeURIComponent(match?.[1] ?? '');
      const fnName = fn.startsWith('arn:') ? (fn.split(':')[6] ?? fn) : fn;
      state.invoked.push(fnName);
      state.lastHeaders = req.headers;
      const handler = handlers[fnName];
      if (req.method !== 'POST' || !handler) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
        res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${fnName}` }));
        return;
      }
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      Promise.resolve()
        .then(() => handler(event, {}, undefined))
        .then(
          (result) => {
            res.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
            res.end(JSON.stringify(result ?? null));
          },
          (err: unknown) => {
            res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
            res.end(JSON.stringify({ errorType: 'Error', errorMessage: err instanceof Error ? err.message : String(err), trace: [] }));
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  state.endpoint = `http://127.0.0.1:${address.port}`;
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return state;
}
