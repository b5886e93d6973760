import type { Knex } from 'knex';
import type { Aggregate, Dashboard, RecordFilter, RecordRow } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import type { AlertStore } from './alert-store.js';
import { DAILY_COLUMNS, DAILY_OFFSET_MINUTES, dayOf } from './daily-columns.js';

/** Aggregate fields in the order of DAILY_COLUMNS. */
const AGGREGATE_FIELDS = [
  'runs', 'failed', 'notReconciled', 'withDeviation', 'senderTotal', 'senderInserted', 'senderUpdated', 'senderDeleted',
  'receiverInserted', 'receiverUpdated', 'receiverDeleted', 'rejected', 'deviation',
] as const;

function toAggregate(r: Record<string, unknown>): Aggregate {
  const out: Record<string, unknown> = { key: String(r.key) };
  for (const field of AGGREGATE_FIELDS) out[field] = Number(r[field] ?? 0);
  return out as Aggregate;
}

interface StatRow {
  run_id: string; bridge_name: string; mode: string; direction: string; status: string; recon_status: RecordRow['reconciliation'];
  started_at: string; duration_ms: number | null; sender_total: number; sender_inserted: number; sender_updated: number; sender_deleted: number;
  receiver_inserted: number; receiver_updated: number; receiver_deleted: number; rejected: number; deviation: number;
}

const SPARK_BRIDGES = 20;
const SPARK_RUNS = 12;

/** The start of the viewer's day, as a UTC ISO time. */
function startOfDay(now: Date, tzOffsetMinutes: number): string {
  const local = new Date(now.getTime() + tzOffsetMinutes * 60_000);
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() - tzOffsetMinutes * 60_000).toISOString();
}

function applyFilter(q: Knex.QueryBuilder, f: RecordFilter): Knex.QueryBuilder {
  if (f.from) q.where('started_at', '>=', new Date(f.from).toISOString());
  if (f.to) q.where('started_at', '<', new Date(f.to).toISOString());
  if (f.bridge) q.where('bridge_name', f.bridge);
  if (f.status) q.where('recon_status', f.status);
  if (f.deviationOnly) q.where('deviation', '>', 0);
  return q;
}

const SUMS = [
  'COUNT(*) AS runs', "SUM(status = 'failed') AS failed", "SUM(recon_status = 'not-reconciled') AS notReconciled",
  'SUM(deviation > 0) AS withDeviation', 'SUM(sender_total) AS senderTotal', 'SUM(sender_inserted) AS senderInserted',
  'SUM(sender_updated) AS senderUpdated', 'SUM(sender_deleted) AS senderDeleted', 'SUM(receiver_inserted) AS receiverInserted',
  'SUM(receiver_updated) AS receiverUpdated', 'SUM(receiver_deleted) AS receiverDeleted', 'SUM(rejected) AS rejected', 'SUM(deviation) AS deviation',
].join(', ');

/** Server-side aggregates over `monitor_run_stats` and `alerts`: every query reads an index range, never the whole history. */
export class Aggregates {
  constructor(private readonly db: StateDb, private readonly alerts: AlertStore) {}

  async records(f: RecordFilter & { limit: number; offset: number }): Promise<{ total: number; items: RecordRow[] }> {
    const base = applyFilter(this.db('monitor_run_stats'), f);
    const total = Number((await base.clone().count({ n: '*' }).first())?.n ?? 0);
    const rows = await base.orderBy('started_at', 'desc').limit(f.limit).offset(f.offset) as StatRow[];
    return {
      total,
      items: rows.map((r) => ({
        runId: r.run_id, bridge: r.bridge_name, mode: r.mode, direction: r.direction, status: r.status, reconciliation: r.recon_status,
        startedAt: r.started_at, durationMs: r.duration_ms,
        sender: { total: r.sender_total, inserted: r.sender_inserted, updated: r.sender_updated, deleted: r.sender_deleted },
        receiver: { inserted: r.receiver_inserted, updated: r.receiver_updated, deleted: r.receiver_deleted, rejected: r.rejected },
        deviation: r.deviation,
      })),
    };
  }

  async aggregates(f: RecordFilter & { by: 'day' | 'bridge'; limit: number }): Promise<Aggregate[]> {
    if (!f.status && !f.deviationOnly && f.tzOffsetMinutes === DAILY_OFFSET_MINUTES) return this.fromDaily(f);
    return this.fromRuns(f);
  }

  /** Whole days of China time from the daily table: at most days × bridges rows read. */
  private async fromDaily(f: RecordFilter & { by: 'day' | 'bridge'; limit: number }): Promise<Aggregate[]> {
    const q = this.db('monitor_daily_stats');
    if (f.from) q.where('day', '>=', dayOf(f.from));
    if (f.to) q.where('day', '<=', dayOf(new Date(Date.parse(f.to) - 1).toISOString()));
    if (f.bridge) q.where('bridge_name', f.bridge);
    const key = f.by === 'day' ? 'day' : 'bridge_name';
    const sums = DAILY_COLUMNS.map((c, i) => `SUM(${c}) AS ${AGGREGATE_FIELDS[i]}`).join(', ');
    const rows = await q.select(this.db.raw(`${key} AS key, ${sums}`)).groupBy(key).orderBy(key, f.by === 'day' ? 'desc' : 'asc').limit(f.limit) as Record<string, unknown>[];
    return rows.map(toAggregate);
  }

  private async fromRuns(f: RecordFilter & { by: 'day' | 'bridge'; limit: number }): Promise<Aggregate[]> {
    // tzOffsetMinutes is a validated integer: safe to write into the SQL.
    const key = f.by === 'day' ? `substr(datetime(started_at, '${f.tzOffsetMinutes >= 0 ? '+' : ''}${Math.trunc(f.tzOffsetMinutes)} minutes'), 1, 10)` : 'bridge_name';
    const q = applyFilter(this.db('monitor_run_stats'), f).select(this.db.raw(`${key} AS key, ${SUMS}`)).groupBy('key')
      .orderBy('key', f.by === 'day' ? 'desc' : 'asc').limit(f.limit);
    const rows = await q as Record<string, unknown>[];
    return rows.map(toAggregate);
  }

  async dashboard(now = new Date()): Promise<Dashboard> {
    const today = startOfDay(now, 480);
    const [bridges, todayRow, counts, staleRow, runningRows] = await Promise.all([
      this.db('bridges').count({ n: '*' }).first(),
      this.db('monitor_run_stats').where('started_at', '>=', today)
        .select(this.db.raw("COUNT(*) AS runs, SUM(status = 'failed') AS failed, SUM(deviation) AS deviation")).first(),
      this.alerts.counts(),
      this.db('alerts').whereIn('kind', ['freshness', 'stall', 'source-stale']).whereIn('status', ['open', 'acknowledged']).countDistinct({ n: 'subject' }).first(),
      this.db('runs').whereIn('status', ['queued', 'running']).orderBy('started_at').limit(50)
        .select('id', 'bridge_name', 'status', 'started_at', 'progress_json'),
    ]);
    const since = new Date(now.getTime() - 24 * 3_600_000);
    since.setUTCMinutes(0, 0, 0);
    const hours = await this.db('monitor_run_stats').where('started_at', '>=', since.toISOString())
      .select(this.db.raw("substr(started_at, 1, 13) AS hour, SUM(sender_total) AS rd, SUM(receiver_inserted + receiver_updated + receiver_deleted) AS wr, COUNT(*) AS runs"))
      .groupBy('hour') as { hour: string; rd: number; wr: number; runs: number }[];
    const byHour = new Map(hours.map((h) => [h.hour, h]));
    const throughput: Dashboard['throughput'] = [];
    for (let t = since.getTime(); t <= now.getTime(); t += 3_600_000) {
      const hour = new Date(t).toISOString().slice(0, 13);
      const h = byHour.get(hour);
      throughput.push({ hour: `${hour}:00:00.000Z`, read: Number(h?.rd ?? 0), written: Number(h?.wr ?? 0), runs: Number(h?.runs ?? 0) });
    }
    const recent = await this.db('monitor_run_stats').orderBy('started_at', 'desc').limit(SPARK_BRIDGES * SPARK_RUNS).select('bridge_name') as { bridge_name: string }[];
    const names = [...new Set(recent.map((r) => r.bridge_name))].slice(0, SPARK_BRIDGES);
    const sparklines = await Promise.all(names.map(async (bridge) => {
      const rows = await this.db('monitor_run_stats').where('bridge_name', bridge).orderBy('started_at', 'desc').limit(SPARK_RUNS)
        .select('started_at', 'sender_total', 'deviation', 'status') as { started_at: string; sender_total: number; deviation: number; status: string }[];
      return { bridge, runs: rows.reverse().map((r) => ({ startedAt: r.started_at, rows: r.sender_total, deviation: r.deviation, status: r.status })) };
    }));
    const open = counts.open.critical + counts.open.warning + counts.open.info;
    return {
      tiles: {
        bridges: Number(bridges?.n ?? 0), running: runningRows.filter((r: { status: string }) => r.status === 'running').length,
        failedToday: Number(todayRow?.failed ?? 0), openAlerts: open + counts.acknowledged, criticalAlerts: counts.open.critical,
        deviationToday: Number(todayRow?.deviation ?? 0), runsToday: Number(todayRow?.runs ?? 0), stale: Number(staleRow?.n ?? 0),
      },
      running: runningRows.map((r: { id: string; bridge_name: string; status: string; started_at: string; progress_json: string }) => {
        const p = JSON.parse(r.progress_json) as { phase: string; rowsRead: number; estimatedTotal: number | null };
        return { runId: r.id, bridge: r.bridge_name, status: r.status, phase: p.phase, rowsRead: p.rowsRead, estimatedTotal: p.estimatedTotal, startedAt: r.started_at };
      }),
      throughput,
      sparklines,
    };
  }
}
