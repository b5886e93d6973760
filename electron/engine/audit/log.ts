import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StateDb } from '../store/db.js';
import { nowIso } from '../clock.js';
import { Mutex } from '../../../connectors/core/mutex.js';
import { insertRows } from '../store/insert-rows.js';
import { loadAuditKey } from './keys.js';
import { ARCHIVE_DIR, archiveMac, readArchives, writeArchive } from './archive.js';

export interface AuditEntry {
  readonly actor: string;
  readonly operation: string;
  readonly target?: string;
  readonly outcome: 'ok' | 'denied' | 'failed';
  readonly detail?: unknown;
  /** console, cli, desktop, api, schedule, system. */
  readonly shell?: string;
  readonly address?: string;
  readonly session?: string;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  operation: string;
  target: string | null;
  outcome: string;
  detail_json: string | null;
  shell: string | null;
  address: string | null;
  session: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly records: number;
  /** The first record that does not verify (or the first missing one after a truncation). */
  readonly firstBroken: number | null;
  readonly reason: 'hash' | 'link' | 'truncated' | 'checkpoint' | null;
}

export const CHECKPOINT_FILE = 'audit.checkpoint';
const GENESIS = '0'.repeat(64);

/**
 * Append-only audit log. Each record carries an HMAC over its fields and the previous record's MAC,
 * under a key kept outside the state database; a keyed checkpoint file (also outside) holds the
 * chain's length and head, so rewriting a record, re-chaining without the key, or deleting the last
 * records are all detected by `verify`.
 */
export class AuditLog {
  private readonly lock = new Mutex();

  private constructor(private readonly db: StateDb, private readonly key: Buffer, private readonly checkpointFile: string) {}

  static async open(db: StateDb, dataDir: string): Promise<AuditLog> {
    const { key, created } = loadAuditKey(dataDir);
    const log = new AuditLog(db, key, path.join(dataDir, CHECKPOINT_FILE));
    // First start with a keyed chain: records written before it (plain SHA-256) are sealed under the key once.
    if (created && !fs.existsSync(log.checkpointFile)) await log.seal();
    return log;
  }

  append(entry: AuditEntry): Promise<void> {
    return this.appendMany([entry]);
  }

  /**
   * Appends `entries` to the chain in their order, in one transaction together with the writes of
   * `alongside` (a scheduler tick's run records): all of it is stored, or none. The checkpoint is
   * written once, after the commit.
   */
  appendMany(entries: readonly AuditEntry[], alongside?: (trx: StateDb) => Promise<void>): Promise<void> {
    return this.lock.run(async () => {
      let head: { seq: number; hash: string } | null = null;
      await this.db.transaction(async (trx) => {
        await takeWriteLock(trx);
        if (alongside) await alongside(trx);
        if (entries.length === 0) return;
        const last = ((await trx('audit_events').orderBy('seq', 'desc').first('seq', 'hash')) as { seq: number; hash: string } | undefined) ?? this.lastArchived();
        let seq = last?.seq ?? 0;
        let prev = last?.hash ?? GENESIS;
        const rows: AuditRecord[] = entries.map((entry) => {
          seq += 1;
          const row = { seq, ...rowOf(entry), prev_hash: prev };
          prev = this.mac(row);
          return { ...row, hash: prev };
        });
        await insertRows(trx, 'audit_events', rows as unknown as Record<string, unknown>[]);
        head = { seq, hash: prev };
      });
      const written = head as { seq: number; hash: string } | null;
      if (written) this.writeCheckpoint(written.seq, written.hash);
    });
  }

  /**
   * Moves records older than `years` to a keyed archive file (never dropped), keeping the chain: the
   * first record left in the database links to the archive's head. Returns the file, if any.
   */
  archiveExpired(years: number, now = new Date()): Promise<string | null> {
    return this.lock.run(async () => {
      const cutoff = new Date(now);
      cutoff.setUTCFullYear(cutoff.getUTCFullYear() - Math.max(2, years));
      const rows = (await this.db('audit_events').where('at', '<', cutoff.toISOString()).orderBy('seq', 'asc')) as AuditRecord[];
      if (rows.length === 0) return null;
      const file = writeArchive(this.archiveDir(), this.key, rows);
      await this.db('audit_events').where('seq', '<=', rows.at(-1)!.seq).delete();
      return file;
    });
  }

  /** Walks the archives and the whole chain in the database, and compares its end with the keyed checkpoint. */
  async verify(): Promise<AuditVerification> {
    const checkpoint = this.readCheckpoint();
    let prev = GENESIS;
    let count = 0;
    let headAtCheckpoint: string | null = checkpoint && checkpoint !== 'damaged' && checkpoint.length === 0 ? GENESIS : null;
    let expectedSeq = 1;
    const archived = new Map<number, string>();
    for (const a of readArchives(this.archiveDir())) {
      if ('damaged' in a) return { ok: false, records: count, firstBroken: expectedSeq, reason: 'hash' };
      const { mac, ...t } = a.trailer;
      if (t.first !== expectedSeq || t.prev !== prev) return { ok: false, records: count, firstBroken: expectedSeq, reason: 'link' };
      if (!safeEqual(archiveMac(this.key, t, a.body), mac)) return { ok: false, records: count, firstBroken: t.first, reason: 'hash' };
      for (const r of a.rows) {
        if (r.seq !== expectedSeq || r.prev_hash !== prev) return { ok: false, records: count, firstBroken: expectedSeq, reason: 'link' };
        if (!safeEqual(this.mac(r), r.hash)) return { ok: false, records: count, firstBroken: r.seq, reason: 'hash' };
        archived.set(r.seq, r.hash);
        prev = r.hash;
        count += 1;
        expectedSeq += 1;
        if (checkpoint && checkpoint !== 'damaged' && r.seq === checkpoint.length) headAtCheckpoint = r.hash;
      }
    }
    const rows = (await this.db('audit_events').orderBy('seq', 'asc')) as AuditRecord[];
    for (const r of rows) {
      // Left behind by an archiving that stopped before its delete: the archive already holds it.
      if (r.seq < expectedSeq && archived.get(r.seq) === r.hash) continue;
      if (r.seq !== expectedSeq || r.prev_hash !== prev) return { ok: false, records: count, firstBroken: expectedSeq, reason: 'link' };
      if (!safeEqual(this.mac(r), r.hash)) return { ok: false, records: count, firstBroken: r.seq, reason: 'hash' };
      prev = r.hash;
      count += 1;
      expectedSeq += 1;
      if (checkpoint && checkpoint !== 'damaged' && r.seq === checkpoint.length) headAtCheckpoint = r.hash;
    }
    if (checkpoint === 'damaged') return { ok: false, records: count, firstBroken: null, reason: 'checkpoint' };
    if (checkpoint) {
      if (count < checkpoint.length) return { ok: false, records: count, firstBroken: count + 1, reason: 'truncated' };
      if (headAtCheckpoint !== checkpoint.head) return { ok: false, records: count, firstBroken: checkpoint.length, reason: 'hash' };
    } else if (count > 0) {
      return { ok: false, records: count, firstBroken: null, reason: 'checkpoint' };
    }
    return { ok: true, records: count, firstBroken: null, reason: null };
  }

  private mac(r: Omit<AuditRecord, 'hash'>): string {
    const canonical = JSON.stringify([r.seq, r.at, r.actor, r.operation, r.target, r.outcome, r.detail_json, r.shell, r.address, r.session, r.prev_hash]);
    return crypto.createHmac('sha256', this.key).update(canonical).digest('hex');
  }

  private async seal(): Promise<void> {
    await this.lock.run(async () => {
      const rows = (await this.db('audit_events').orderBy('seq', 'asc')) as AuditRecord[];
      let prev = GENESIS;
      await this.db.transaction(async (trx) => {
        for (const r of rows) {
          const sealed = { ...r, prev_hash: prev };
          sealed.hash = this.mac(sealed);
          await trx('audit_events').where({ seq: r.seq }).update({ prev_hash: sealed.prev_hash, hash: sealed.hash });
          prev = sealed.hash;
        }
      });
      const last = rows.at(-1);
      this.writeCheckpoint(last?.seq ?? 0, last ? prev : GENESIS);
    });
  }

  /** The end of the chain when every record has been archived: the newest archive's head. */
  private lastArchived(): { seq: number; hash: string } | undefined {
    const newest = readArchives(this.archiveDir()).at(-1);
    return newest && !('damaged' in newest) ? { seq: newest.trailer.last, hash: newest.trailer.head } : undefined;
  }

  private archiveDir(): string {
    return path.join(path.dirname(this.checkpointFile), ARCHIVE_DIR);
  }

  private checkpointMac(length: number, head: string): string {
    return crypto.createHmac('sha256', this.key).update(`exnode-audit-checkpoint|${length}|${head}`).digest('hex');
  }

  private writeCheckpoint(length: number, head: string): void {
    const tmp = `${this.checkpointFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ length, head, mac: this.checkpointMac(length, head) }), { mode: 0o600 });
    fs.renameSync(tmp, this.checkpointFile);
  }

  private readCheckpoint(): { length: number; head: string } | 'damaged' | null {
    if (!fs.existsSync(this.checkpointFile)) return null;
    try {
      const c = JSON.parse(fs.readFileSync(this.checkpointFile, 'utf8')) as { length: number; head: string; mac: string };
      if (typeof c.length !== 'number' || typeof c.head !== 'string' || !safeEqual(this.checkpointMac(c.length, c.head), String(c.mac))) return 'damaged';
      return { length: c.length, head: c.head };
    } catch {
      return 'damaged';
    }
  }
}

function rowOf(entry: AuditEntry): Omit<AuditRecord, 'seq' | 'prev_hash' | 'hash'> {
  return {
    at: nowIso(),
    actor: entry.actor,
    operation: entry.operation,
    target: entry.target ?? null,
    outcome: entry.outcome,
    detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    shell: entry.shell ?? null,
    address: entry.address ?? null,
    session: entry.session ?? null,
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Makes the transaction a writer before it reads the chain's head. Another process (the CLI beside a
 * service) may append at the same time: a transaction that read first and wrote second would fail with
 * "database is locked" once the other one committed (SQLite cannot upgrade a stale read), and its
 * entries would be lost; a writer from the start waits for the other (busy_timeout) and then reads the new head.
 */
async function takeWriteLock(trx: StateDb): Promise<void> {
  await trx.raw('UPDATE audit_events SET seq = seq WHERE 0');
}
