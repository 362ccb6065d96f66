import type { SharedMap, SharedMaps } from './domain/shared-map.js';

/** Time source passed to everything that decides expiry, so tests move time instead of sleeping. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Real time plus an adjustable offset (the test-control API moves it); replicas share the offset. */
export class OffsetClock implements Clock {
  private offset = 0;
  private shared: SharedMap<number> | undefined;

  /** From now on the offset is the one in this shared map (every replica's clock moves together). */
  share(maps: SharedMaps): void {
    this.shared = maps.map('clock');
  }

  get offsetMs(): number {
    return this.shared ? (this.shared.get('offsetMs') ?? 0) : this.offset;
  }

  set offsetMs(ms: number) {
    if (this.shared) this.shared.set('offsetMs', ms);
    else this.offset = ms;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }
}

export const epochSeconds = (ms: number): number => Math.floor(ms / 1000);
