/** A problem with settings, fixtures or the data file: cli.ts prints its message on one line and exits 2. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
