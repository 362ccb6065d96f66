// What every in-memory store shares: reset (POST /_emulator/reset, --watch) clears it back to
// nothing, and the purge timer drops what has expired. The emulator keeps one list of them.
export interface InMemoryState {
  /** Forgets everything (back to the fixture state). */
  clear(): void;
  /** Drops what has expired; a store whose entries never expire does nothing. */
  purge(): void;
}
