import { Worker } from 'node:worker_threads';
import type { UpsertCounts } from '../core/connector.js';

/** What the write thread can be asked to do (write-worker.mjs). */
interface Operations {
  exec: { args: { sql: string }; result: null };
  run: { args: { sql: string; params: unknown[] }; result: number };
  runEach: { args: { sql: string; rows: unknown[][] }; result: number };
  upsert: {
    args: { updateSql: string | null; existsSql: string; insertSql: string; keyIdx: number[]; valIdx: number[]; rows: unknown[][] };
    result: UpsertCounts;
  };
  all: { args: { sql: string; params: unknown[] }; result: Record<string, unknown>[] };
  rollback: { args: Record<string, never>; result: null };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The SQLite file's writer, on a thread of its own: a batch is inserted there while the main thread
 * reads and maps the next one. Readers stay on the main thread's connection (WAL lets them read
 * while the writer writes). Calls are answered in order; a driver error comes back with its code.
 */
export class SqliteWriteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(file: string, timeoutMs: number, readOnly: boolean) {
    this.worker = new Worker(new URL('./write-worker.mjs', import.meta.url), {
      workerData: { file, timeoutMs, readOnly },
      // The thread holds one batch at a time (pages are sized to ~32 MB): room for two, and a small young generation.
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
    });
    // An idle writer must not keep the process alive; one with calls under way must.
    this.worker.unref();
    this.worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: { name: string; message: string; code?: string } }) => {
      const call = this.pending.get(id);
      if (!call) return;
      this.settle(id);
      if (error) call.reject(Object.assign(new Error(error.message), { name: error.name, code: error.code }));
      else call.resolve(result);
    });
    // A thread that died (out of memory, a crash) fails its calls as a lost connection: the batch is
    // retried, on a new thread, instead of its rows being rejected one by one.
    this.worker.on('error', (error) => this.fail(lost(`The SQLite write thread failed (${error.message})`)));
    this.worker.on('exit', (code) => this.fail(lost(`The SQLite write thread stopped (exit code ${code})`)));
  }

  /** False once the thread has died or been closed: a new one must be started. */
  get usable(): boolean {
    return this.failure === null;
  }

  call<K extends keyof Operations>(op: K, args: Operations[K]['args']): Promise<Operations[K]['result']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('The SQLite connection is closed');
    await this.worker.terminate();
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const [id, call] of this.pending) {
      this.settle(id);
      call.reject(error);
    }
  }
}

function lost(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}
