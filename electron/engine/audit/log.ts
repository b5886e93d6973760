import crypto from 'node:crypto';
import type { StateDb } from '../store/db.js';
import { nowIso } from '../clock.js';
import { Mutex } from '../../../lib/mutex.js';

export interface AuditEntry {
  readonly actor: string;
  readonly operation: string;
  readonly target?: string;
  readonly outcome: 'ok' | 'denied' | 'failed';
  readonly detail?: unknown;
}

const GENESIS = '0'.repeat(64);

/** Append-only audit log; each record is chained to the previous one by SHA-256. */
export class AuditLog {
  private readonly lock = new Mutex();

  constructor(private readonly db: StateDb) {}

  append(entry: AuditEntry): Promise<void> {
    return this.lock.run(async () => {
      const last = await this.db('audit_events').orderBy('seq', 'desc').first('hash');
      const prevHash: string = last?.hash ?? GENESIS;
      const row = {
        at: nowIso(),
        actor: entry.actor,
        operation: entry.operation,
        target: entry.target ?? null,
        outcome: entry.outcome,
        detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
        prev_hash: prevHash,
      };
      await this.db('audit_events').insert({ ...row, hash: chainHash(row) });
    });
  }

  /** Recomputes the chain; returns the first broken sequence number, or null when intact. */
  async verify(): Promise<number | null> {
    let prev = GENESIS;
    const rows = await this.db('audit_events').orderBy('seq', 'asc');
    for (const r of rows) {
      const { seq, hash, ...rest } = r as { seq: number; hash: string } & Record<string, unknown>;
      if (rest.prev_hash !== prev || chainHash(rest as Parameters<typeof chainHash>[0]) !== hash) return seq;
      prev = hash;
    }
    return null;
  }
}

function chainHash(row: { at: unknown; actor: unknown; operation: unknown; target: unknown; outcome: unknown; detail_json: unknown; prev_hash: unknown }): string {
  const canonical = JSON.stringify([row.at, row.actor, row.operation, row.target, row.outcome, row.detail_json, row.prev_hash]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}
