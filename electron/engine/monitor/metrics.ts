import { Registry, type Metric } from 'prom-client';
import type { StateDb } from '../store/db.js';

type Labels = Record<string, string>;
interface Sample { value: number; labels: Labels; metricName?: string }
type MetricType = 'counter' | 'gauge' | 'histogram';

/** Run duration buckets in seconds: a second to a few hours. */
export const DURATION_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 14_400];

/**
 * A metric read from the state store at scrape time, so every process's runs count (the service's,
 * the CLI's) and nothing is lost on restart. prom-client's registry formats it.
 */
function sqlMetric(name: string, help: string, type: MetricType, read: () => Promise<Sample[]>): Metric {
  const metric = { name, help, type, aggregator: 'sum', get: async () => ({ name, help, type, aggregator: 'sum', values: await read() }) };
  return metric as unknown as Metric;
}

/** The node's Prometheus metrics: per bridge, per connection, alerts by severity. */
export function metricsRegistry(db: StateDb): Registry {
  const registry = new Registry();
  const perBridge = async (sql: string): Promise<{ bridge_name: string; v: number }[]> =>
    await db('monitor_run_stats').select('bridge_name', db.raw(`${sql} AS v`)).groupBy('bridge_name') as { bridge_name: string; v: number }[];
  const bridgeSamples = (rows: { bridge_name: string; v: number | null }[]) =>
    rows.filter((r) => r.v !== null).map((r) => ({ value: Number(r.v), labels: { bridge: r.bridge_name } }));

  registry.registerMetric(sqlMetric('exnode_bridge_rows_read_total', 'Source rows read by finished runs, per bridge', 'counter',
    async () => bridgeSamples(await perBridge('SUM(sender_total)'))));
  registry.registerMetric(sqlMetric('exnode_bridge_rows_written_total', 'Rows the receiver inserted, updated or deleted, per bridge', 'counter',
    async () => bridgeSamples(await perBridge('SUM(receiver_inserted + receiver_updated + receiver_deleted)'))));
  registry.registerMetric(sqlMetric('exnode_bridge_failures_total', 'Failed runs, per bridge', 'counter',
    async () => bridgeSamples(await perBridge("SUM(status = 'failed')"))));
  registry.registerMetric(sqlMetric('exnode_bridge_last_success_timestamp_seconds', 'When the last successful run of a bridge finished (Unix time)', 'gauge', async () => {
    const rows = await perBridge("MAX(CASE WHEN status = 'succeeded' THEN finished_at END)") as unknown as { bridge_name: string; v: string | null }[];
    return rows.filter((r) => r.v).map((r) => ({ value: Date.parse(r.v!) / 1000, labels: { bridge: r.bridge_name } }));
  }));
  registry.registerMetric(sqlMetric('exnode_bridge_deviation', 'Deviation of the last finished successful run of a bridge (0: reconciled)', 'gauge', async () => {
    const rows = await db.raw(`SELECT s.bridge_name, s.deviation AS v FROM monitor_run_stats s
      JOIN (SELECT bridge_name, MAX(started_at) AS at FROM monitor_run_stats WHERE status = 'succeeded' GROUP BY bridge_name) l
        ON l.bridge_name = s.bridge_name AND l.at = s.started_at WHERE s.status = 'succeeded'`) as { bridge_name: string; v: number }[];
    return bridgeSamples(rows);
  }));
  registry.registerMetric(sqlMetric('exnode_run_duration_seconds', 'Duration of finished runs, per bridge', 'histogram', async () => {
    const buckets = DURATION_BUCKETS.map((b, i) => `SUM(duration_ms <= ${b * 1000}) AS b${i}`).join(', ');
    const rows = await db('monitor_run_stats').whereNotNull('duration_ms').groupBy('bridge_name')
      .select('bridge_name', db.raw(`${buckets}, COUNT(*) AS n, SUM(duration_ms) AS total`)) as Record<string, number | string>[];
    const samples: Sample[] = [];
    for (const r of rows) {
      const bridge = String(r.bridge_name);
      DURATION_BUCKETS.forEach((b, i) => samples.push({ metricName: 'exnode_run_duration_seconds_bucket', value: Number(r[`b${i}`]), labels: { bridge, le: String(b) } }));
      samples.push({ metricName: 'exnode_run_duration_seconds_bucket', value: Number(r.n), labels: { bridge, le: '+Inf' } });
      samples.push({ metricName: 'exnode_run_duration_seconds_sum', value: Number(r.total) / 1000, labels: { bridge } });
      samples.push({ metricName: 'exnode_run_duration_seconds_count', value: Number(r.n), labels: { bridge } });
    }
    return samples;
  }));
  const health = async () => await db('monitor_connection_health').select('connection', 'ok', 'latency_ms') as { connection: string; ok: number; latency_ms: number | null }[];
  registry.registerMetric(sqlMetric('exnode_connection_up', 'Whether the last health check of a connection passed (1) or failed (0)', 'gauge',
    async () => (await health()).map((r) => ({ value: r.ok ? 1 : 0, labels: { connection: r.connection } }))));
  registry.registerMetric(sqlMetric('exnode_connection_latency_seconds', 'Latency of the last health check of a connection', 'gauge',
    async () => (await health()).filter((r) => r.latency_ms !== null).map((r) => ({ value: r.latency_ms! / 1000, labels: { connection: r.connection } }))));
  registry.registerMetric(sqlMetric('exnode_alerts_open', 'Alerts whose condition holds, by severity (acknowledged ones included)', 'gauge', async () => {
    const rows = await db('alerts').whereIn('status', ['open', 'acknowledged']).select('severity').count({ n: '*' }).groupBy('severity') as { severity: string; n: number }[];
    const by = new Map(rows.map((r) => [r.severity, Number(r.n)]));
    return ['critical', 'warning', 'info'].map((severity) => ({ value: by.get(severity) ?? 0, labels: { severity } }));
  }));
  return registry;
}
