import type { AuditLog } from './log.js';

interface Window {
  readonly shell: string;
  readonly address: string;
  readonly startedAt: number;
  count: number;
  readonly operations: Set<string>;
}

/** Distinct callers tracked per window; past it, every further caller shares one "many addresses" record. */
const MAX_CALLERS = 50;
const MAX_OPERATIONS = 10;
export const MANY_ADDRESSES = '*';

/**
 * Refused callers without a valid session (HTTP 401, CLI without a login), recorded in the audit log
 * so that an unauthenticated flood cannot fill it: the first refusal of an address and shell in a
 * minute is written at once, the rest of that minute as one record with their count and operations.
 */
export class UnauthenticatedAudit {
  private readonly windows = new Map<string, Window>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly audit: AuditLog, private readonly windowMs = 60_000, private readonly now: () => number = Date.now) {
    this.timer = setInterval(() => void this.flush(false), Math.min(windowMs, 10_000));
    this.timer.unref();
  }

  note(shell: string, address: string | undefined, operation: string): Promise<void> {
    const flushing = this.flush(false);
    let key = `${shell}|${address ?? ''}`;
    let window = this.windows.get(key);
    if (!window && this.windows.size >= MAX_CALLERS) {
      key = `${shell}|${MANY_ADDRESSES}`;
      window = this.windows.get(key);
    }
    const op = operation.slice(0, 100);
    if (window) {
      window.count += 1;
      if (window.operations.size < MAX_OPERATIONS) window.operations.add(op);
      return flushing;
    }
    const where = key.endsWith(MANY_ADDRESSES) ? MANY_ADDRESSES : (address ?? '');
    this.windows.set(key, { shell, address: where, startedAt: this.now(), count: 0, operations: new Set() });
    return Promise.all([flushing, this.audit.append({
      actor: '-', operation: 'auth/unauthenticated', target: op, outcome: 'denied', shell,
      ...(where ? { address: where } : {}),
    })]).then(() => undefined);
  }

  /** Writes the count of the windows that ended (all of them when `all`, at shutdown). */
  async flush(all: boolean): Promise<void> {
    const now = this.now();
    for (const [key, w] of this.windows) {
      if (!all && now - w.startedAt < this.windowMs) continue;
      this.windows.delete(key);
      if (w.count === 0) continue;
      await this.audit.append({
        actor: '-', operation: 'auth/unauthenticated', outcome: 'denied', shell: w.shell,
        ...(w.address ? { address: w.address } : {}),
        detail: { repeated: w.count, from: new Date(w.startedAt).toISOString(), until: new Date(now).toISOString(), operations: [...w.operations] },
      });
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush(true);
  }
}
