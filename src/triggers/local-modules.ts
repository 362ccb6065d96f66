// Trigger functions mapped to local JavaScript (or TypeScript) files by the fixtures'
// LambdaFunctions. Each file runs in its own worker thread, loaded once and kept warm like a Lambda
// container, so a handler that loops, hangs or crashes never stalls the emulator's event loop: past
// the timeout the worker is terminated (with any other call it was running) and the next call
// starts a fresh one.
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { MODULE_WORKER_SOURCE } from './module-worker.js';
import { functionName, lambdaContext, type Invocation, type Outcome, type Transport } from './transport.js';

interface Pending {
  resolve: (outcome: Outcome) => void;
  timer: NodeJS.Timeout;
}

interface Running {
  worker: Worker;
  pending: Map<number, Pending>;
}

type Reply = { id: number; ok: true; payload: string } | { id: number; ok: false; message: string };

export class LocalModules implements Transport {
  /** Workers by module file: per process, even with replicas (each loads the modules itself). */
  private readonly running = new Map<string, Running>();
  private nextId = 0;

  /** `files`: function ARN or name → absolute path of the module. */
  constructor(private files: ReadonlyMap<string, string>) {}

  find(functionArn: string): string | undefined {
    return this.files.get(functionArn) ?? this.files.get(functionName(functionArn));
  }

  /** New fixtures (--watch): every worker stops, so the next call loads the (maybe edited) files afresh. */
  async replace(files: ReadonlyMap<string, string>): Promise<void> {
    this.files = files;
    await this.close();
  }

  invoke({ functionArn, event, timeoutMs }: Invocation): Promise<Outcome> {
    const file = this.find(functionArn);
    if (file === undefined)
      return Promise.resolve({ kind: 'unavailable', message: `ResourceNotFoundException: Function not found: ${functionArn}` });
    const running = this.worker(file);
    const id = this.nextId++;
    const { getRemainingTimeInMillis: _dropped, ...context } = lambdaContext(functionArn, randomUUID(), Date.now() + timeoutMs);
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        running.pending.delete(id);
        resolve({ kind: 'timeout' });
        this.stop(file, running, 'Task timed out');
      }, timeoutMs);
      running.pending.set(id, { resolve, timer });
      running.worker.postMessage({ id, event, context: { ...context, remainingMs: timeoutMs } });
    });
  }

  private worker(file: string): Running {
    const existing = this.running.get(file);
    if (existing) return existing;
    // Not a static import: an ES module loads those before it runs, and only fixtures with local
    // trigger files need worker threads (start-up: README, Performance).
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const worker = new Worker(MODULE_WORKER_SOURCE, { eval: true, workerData: { file } });
    // A worker waiting for calls must not keep the process alive.
    worker.unref();
    const running: Running = { worker, pending: new Map() };
    worker.on('message', (reply: Reply) => {
      const call = running.pending.get(reply.id);
      if (!call) return;
      running.pending.delete(reply.id);
      clearTimeout(call.timer);
      if (!reply.ok) {
        call.resolve({ kind: 'error', message: reply.message });
        return;
      }
      try {
        call.resolve({ kind: 'ok', payload: JSON.parse(reply.payload) as unknown });
      } catch {
        call.resolve({ kind: 'error', message: 'Invalid JSON' });
      }
    });
    // Lambda's wording when the runtime dies under a call (an uncaught error, process.exit).
    worker.on('error', (err) => this.stop(file, running, `Error: Runtime exited with error: ${err.message}`));
    worker.on('exit', (code) => this.stop(file, running, `Error: Runtime exited with error: exit status ${code}`));
    this.running.set(file, running);
    return running;
  }

  private stop(file: string, running: Running, message: string): void {
    if (this.running.get(file) === running) this.running.delete(file);
    for (const call of running.pending.values()) {
      clearTimeout(call.timer);
      call.resolve({ kind: 'error', message: `RequestId: ${randomUUID()} ${message}` });
    }
    running.pending.clear();
    void running.worker.terminate();
  }

  async close(): Promise<void> {
    const all = [...this.running.entries()];
    this.running.clear();
    await Promise.all(
      all.map(async ([, running]) => {
        for (const call of running.pending.values()) {
          clearTimeout(call.timer);
          call.resolve({ kind: 'unavailable', message: 'the emulator is stopping' });
        }
        running.pending.clear();
        await running.worker.terminate();
      }),
    );
  }
}
