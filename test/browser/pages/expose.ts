// Puts a page's API on window.app for the test (page.evaluate). Playwright passes only an error's
// message back to Node, so a rejection is re-thrown as "<error name>: <message>": the tests assert
// the client's own error names (NotAuthorizedException, ...).
export function expose(api: object): void {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(api)) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => unknown)(...args);
      } catch (err) {
        const e = err as { name?: string; message?: string };
        throw new Error(`${e.name ?? 'Error'}: ${e.message ?? String(err)}`);
      }
    };
  }
  (window as unknown as { app: unknown }).app = wrapped;
}

/** The configuration the test server put into the page (window.appConfig), like an app's build-time config. */
export function appConfig<T>(): T {
  const config = (window as unknown as { appConfig?: T }).appConfig;
  if (config === undefined) throw new Error('the page has no appConfig');
  return config;
}
