// Fault injection: the next N requests matching a route or a JSON API operation fail the way the
// test asked (or are only delayed), so apps' error paths can be exercised (issue 8 §3).
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
  private list: FaultSpec[] = [];

  add(spec: FaultSpec): void {
    this.list.push({ ...spec });
  }

  /** Whether any fault is waiting: the request hook does nothing else when none is (the usual case). */
  get armed(): boolean {
    return this.list.length > 0;
  }

  /** Takes one use of the first fault matching this request, if any. */
  take(path: string, operation: string | undefined): FaultSpec | undefined {
    const fault = this.list.find((f) =>
      (f.route !== undefined && f.route === path) || (f.operation !== undefined && f.operation === operation));
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.list = this.list.filter((f) => f !== fault);
    return fault;
  }

  pending(): FaultSpec[] {
    return this.list.map((f) => ({ ...f }));
  }

  clear(): void {
    this.list = [];
  }
}
