/** Time source passed to everything that decides expiry, so tests move time instead of sleeping. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Real time plus an adjustable offset (the test-control API moves it). */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

export const epochSeconds = (ms: number): number => Math.floor(ms / 1000);
