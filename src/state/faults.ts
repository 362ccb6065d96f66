// Fault injection: the next N requests matching a route or a JSON API operation fail the way the
// test asked (or are only delayed), so apps' error paths can be exercised (README, Test-control API).
import { randomUUID } from 'node:crypto';
import { SharedMaps, type SharedMap } from '../domain/shared-map.js';

export interface FaultSpec {
  route?: string;
  operation?: string;
  count: number;
  /** OAuth error code or Cognito exception name; omitted = delay only. */
  error?: string;
  status: number;
  delayMs: number;
  message?: string;
}

export class Faults {
  /** Random id → fault, in the order they were added; shared between replicas. */
  private readonly list: SharedMap<FaultSpec>;

  constructor(maps?: SharedMaps) {
    this.list = (maps ?? new SharedMaps()).map('faults');
  }

  add(spec: FaultSpec): void {
    this.list.set(randomUUID(), { ...spec });
  }

  /** Whether any fault is waiting: the request hook does nothing else when none is (the usual case). */
  get armed(): boolean {
    return this.list.size > 0;
  }

  /**
   * Takes one use of the first fault matching this request, if any. With replicas, two requests
   * arriving at once on two replicas may both take the last use (uses are counted, not claimed).
   */
  take(path: string, operation: string | undefined): FaultSpec | undefined {
    const found = [...this.list.entries()].find(
      ([, f]) => (f.route !== undefined && f.route === path) || (f.operation !== undefined && f.operation === operation),
    );
    if (!found) return undefined;
    const [id, fault] = found;
    if (fault.count <= 1) this.list.delete(id);
    else this.list.set(id, { ...fault, count: fault.count - 1 });
    return fault;
  }

  pending(): FaultSpec[] {
    return [...this.list.values()].map((f) => ({ ...f }));
  }

  clear(): void {
    this.list.clear();
  }

  /** Nothing here expires. */
  purge(): void {}
}
