/** Time source passed to everything that decides expiry, so tests move time instead of sleeping. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Where replicas keep the one offset they share (a SharedMap of domain/shared-map.ts). */
interface SharedOffset {
  get(key: 'offsetMs'): number | undefined;
  set(key: 'offsetMs', value: number): void;
}

/** Real time plus an adjustable offset (the test-control API moves it); replicas share the offset. */
export class OffsetClock implements Clock {
  private offset = 0;
  private shared: SharedOffset | undefined;

  /** From now on the offset is the one in this shared map (every replica's clock moves together). */
  share(maps: { map(name: 'clock'): SharedOffset }): void {
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
