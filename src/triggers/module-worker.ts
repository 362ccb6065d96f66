// The code of the worker thread that runs one local trigger module (see local-modules.ts). It is
// passed as a string (`eval: true`), so it needs no file of its own next to the emulator (the CLI
// runs from a single bundled file). Plain CommonJS JavaScript: it is not compiled.
//
// TypeScript handlers (.ts, .mts, .cts): when Node cannot import them itself, the worker registers
// tsx's ESM loader (tsx/esm/api), resolved from the handler's own directory (the app's
// node_modules); without tsx there it fails with a message saying to install tsx or to map the
// function to its compiled JavaScript.
export const MODULE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const { createRequire } = require('node:module');

const file = workerData.file;
const isTypeScript = /\.[cm]?ts$/.test(file);

/** tsx's ESM loader from the handler's own node_modules, registered before the first import. */
function tsxApi() {
  const { dirname, join } = require('node:path');
  const req = createRequire(file);
  let manifest;
  try {
    manifest = req.resolve('tsx/package.json');
  } catch {
    return undefined;
  }
  return join(dirname(manifest), req('tsx/package.json').exports['./esm/api'].import.default);
}

async function loadHandler() {
  if (isTypeScript) {
    const api = tsxApi();
    if (api !== undefined) (await import(pathToFileURL(api).href)).register();
  }
  let imported;
  try {
    imported = await import(pathToFileURL(file).href);
  } catch (err) {
    if (isTypeScript && err && err.code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new Error('cannot load the TypeScript handler ' + file +
        ': install tsx next to it (npm i -D tsx) or map the function to its compiled JavaScript');
    }
    throw err;
  }
  const handler = imported.handler ?? (imported.default && imported.default.handler);
  if (typeof handler !== 'function') throw new Error(file + ' does not export a function named handler');
  return handler;
}

const handlerPromise = loadHandler();
handlerPromise.catch(() => {});

function message(err) {
  if (err instanceof Error) return err.message;
  if (err && typeof err.message === 'string') return err.message;
  return String(err);
}

parentPort.on('message', async ({ id, event, context }) => {
  let settled = false;
  const reply = (error, result) => {
    if (settled) return;
    settled = true;
    if (error !== undefined && error !== null) {
      parentPort.postMessage({ id, ok: false, message: message(error) });
      return;
    }
    let payload;
    try {
      payload = JSON.stringify(result === undefined ? null : result);
    } catch (err) {
      parentPort.postMessage({ id, ok: false, message: 'Unable to stringify response body: ' + message(err) });
      return;
    }
    parentPort.postMessage({ id, ok: true, payload });
  };
  try {
    const handler = await handlerPromise;
    const deadline = Date.now() + context.remainingMs;
    const ctx = { ...context, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) };
    delete ctx.remainingMs;
    const returned = handler(event, ctx, reply);
    if (returned !== undefined || handler.length < 3) {
      Promise.resolve(returned).then((v) => reply(undefined, v), (e) => reply(e === undefined ? new Error('undefined') : e));
    }
  } catch (err) {
    reply(err === undefined ? new Error('undefined') : err);
  }
});
`;
