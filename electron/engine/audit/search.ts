import type { Knex } from 'knex';
import type { AuditFilter, AuditRecordView } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import type { AuditRecord } from './log.js';

function applyFilter(q: Knex.QueryBuilder, f: AuditFilter): Knex.QueryBuilder {
  if (f.actor) q.where('actor', f.actor.normalize('NFKC'));
  if (f.operation) q.whereRaw("operation LIKE ? ESCAPE '\\'", [`${escapeLike(f.operation)}%`]);
  if (f.outcome) q.where('outcome', f.outcome);
  if (f.from) q.where('at', '>=', f.from);
  if (f.to) q.where('at', '<=', f.to);
  if (f.text) {
    const like = `%${escapeLike(f.text)}%`;
    q.where((w) => w.whereRaw("target LIKE ? ESCAPE '\\'", [like]).orWhereRaw("detail_json LIKE ? ESCAPE '\\'", [like]).orWhereRaw("address LIKE ? ESCAPE '\\'", [like]));
  }
  return q;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function toView(r: AuditRecord): AuditRecordView {
  return {
    seq: r.seq, at: r.at, actor: r.actor, operation: r.operation, target: r.target, outcome: r.outcome,
    shell: r.shell, address: r.address, detail: r.detail_json ? (JSON.parse(r.detail_json) as unknown) : null,
  };
}

/** The auditor's reading of the audit log (the log itself only appends, verifies and archives). */
export class AuditSearch {
  constructor(private readonly db: StateDb) {}

  /** Audit records matching `filter`, newest first. */
  async search(filter: AuditFilter, limit: number, offset: number): Promise<{ records: AuditRecordView[]; total: number }> {
    const total = Number((await applyFilter(this.db('audit_events'), filter).count({ n: '*' }).first())?.n ?? 0);
    const rows = (await applyFilter(this.db('audit_events'), filter).orderBy('seq', 'desc').limit(limit).offset(offset)) as AuditRecord[];
    return { records: rows.map(toView), total };
  }
}
