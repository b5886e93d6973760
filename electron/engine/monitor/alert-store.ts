import type { Alert, AlertCounts, AlertFilter, AlertKind, AlertSeverity, AlertStatus, MessageRef } from '../../../shared/index.js';
import { ExNodeError, msg } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import type { EventBus } from '../events.js';
import { nowIso } from '../clock.js';

interface AlertRow {
  id: number;
  kind: string;
  severity: string;
  subject: string;
  bridge: string | null;
  connection: string | null;
  status: string;
  first_seen: string;
  last_seen: string;
  count: number;
  message_json: string;
  run_id: string | null;
  ack_by: string | null;
  ack_at: string | null;
  ack_comment: string | null;
  resolved_at: string | null;
}

export interface Raise {
  readonly kind: AlertKind;
  readonly severity: AlertSeverity;
  readonly subject: string;
  readonly message: MessageRef;
  readonly bridge?: string | null;
  readonly connection?: string | null;
  readonly runId?: string | null;
}

const ACTIVE: AlertStatus[] = ['open', 'acknowledged'];

/**
 * The alert centre's store. One active alert per kind and subject: seeing the condition again bumps
 * its count and last-seen time; when the condition clears it resolves. Resolved alerts stay as history.
 */
export class AlertStore {
  constructor(private readonly db: StateDb, private readonly events: EventBus) {}

  async raise(r: Raise): Promise<Alert> {
    const now = nowIso();
    const active = await this.db<AlertRow>('alerts').where({ kind: r.kind, subject: r.subject }).whereIn('status', ACTIVE).first();
    let id: number;
    if (active) {
      id = active.id;
      await this.db('alerts').where({ id }).update({
        severity: r.severity, last_seen: now, count: active.count + 1, message_json: JSON.stringify(r.message),
        run_id: r.runId ?? active.run_id, bridge: r.bridge ?? active.bridge, connection: r.connection ?? active.connection,
      });
    } else {
      const [inserted] = await this.db('alerts').insert({
        kind: r.kind, severity: r.severity, subject: r.subject, bridge: r.bridge ?? null, connection: r.connection ?? null,
        status: 'open', first_seen: now, last_seen: now, count: 1, message_json: JSON.stringify(r.message), run_id: r.runId ?? null,
      }).returning('id');
      id = typeof inserted === 'object' ? (inserted as { id: number }).id : Number(inserted);
    }
    return this.changed(id);
  }

  /** The condition cleared: the active alert of this kind and subject resolves itself. */
  async resolve(kind: AlertKind, subject: string): Promise<Alert | null> {
    const active = await this.db<AlertRow>('alerts').where({ kind, subject }).whereIn('status', ACTIVE).first();
    if (!active) return null;
    await this.db('alerts').where({ id: active.id }).update({ status: 'resolved', resolved_at: nowIso() });
    return this.changed(active.id);
  }

  async acknowledge(id: number, by: string, comment: string): Promise<Alert> {
    const row = await this.db<AlertRow>('alerts').where({ id }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('alerts.notFound', { id }));
    if (row.status === 'resolved') throw new ExNodeError('CONFLICT', msg('alerts.alreadyResolved', { id }));
    await this.db('alerts').where({ id }).update({ status: 'acknowledged', ack_by: by, ack_at: nowIso(), ack_comment: comment });
    return this.changed(id);
  }

  async get(id: number): Promise<Alert> {
    const row = await this.db<AlertRow>('alerts').where({ id }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('alerts.notFound', { id }));
    return toAlert(row);
  }

  async list(filter: AlertFilter): Promise<{ total: number; items: Alert[] }> {
    const q = this.db<AlertRow>('alerts');
    if (filter.open) q.whereIn('status', ACTIVE);
    if (filter.status) q.where({ status: filter.status });
    if (filter.bridge) q.where({ bridge: filter.bridge });
    if (filter.kind) q.where({ kind: filter.kind });
    const total = Number((await q.clone().count({ n: '*' }).first())?.n ?? 0);
    const rows = await q.orderBy('last_seen', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset);
    return { total, items: rows.map(toAlert) };
  }

  async counts(): Promise<AlertCounts> {
    const rows = await this.db('alerts').whereIn('status', ACTIVE).select('status', 'severity').count({ n: '*' }).groupBy('status', 'severity');
    const counts: AlertCounts = { open: { critical: 0, warning: 0, info: 0 }, acknowledged: 0 };
    for (const r of rows as { status: string; severity: AlertSeverity; n: number }[]) {
      if (r.status === 'open') counts.open[r.severity] += Number(r.n);
      else counts.acknowledged += Number(r.n);
    }
    return counts;
  }

  /** Active alerts of one kind, for checks that resolve those whose condition cleared. */
  async activeSubjects(kind: AlertKind): Promise<string[]> {
    return (await this.db<AlertRow>('alerts').where({ kind }).whereIn('status', ACTIVE).select('subject')).map((r) => r.subject);
  }

  private async changed(id: number): Promise<Alert> {
    const alert = await this.get(id);
    this.events.emit('alert.changed', alert);
    return alert;
  }
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    kind: row.kind as AlertKind,
    severity: row.severity as AlertSeverity,
    subject: row.subject,
    bridge: row.bridge,
    connection: row.connection,
    status: row.status as AlertStatus,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    count: row.count,
    message: JSON.parse(row.message_json) as MessageRef,
    runId: row.run_id,
    acknowledged: row.ack_by ? { by: row.ack_by, at: row.ack_at ?? '', comment: row.ack_comment ?? '' } : null,
    resolvedAt: row.resolved_at,
  };
}
