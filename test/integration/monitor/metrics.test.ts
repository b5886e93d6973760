import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the package ships no type declarations
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { Aggregate, Dashboard, RecordRow, RunRecord } from '../../../shared/index.js';
import { serve, type RunningNode } from '../../../electron/server/serve.js';
import { metricsToken } from '../../../electron/server/routes/metrics.js';
import { TEST_ACTOR } from '../../support/actors.js';
import { tempDir } from '../../support/temp.js';

interface Family { name: string; type: string; metrics: { labels?: Record<string, string>; value?: string; buckets?: Record<string, string>; count?: string; sum?: string }[] }
const parse = (text: string) => parsePrometheusTextFormat(text) as Family[];

/** /metrics and /api/status as a department's Prometheus and scripts read them, and the dashboard's aggregates. */
describe('metrics, status and aggregates', () => {
  const tmp = tempDir('exnode-metrics-');
  let node: RunningNode;
  let run: RunRecord;

  beforeAll(async () => {
    node = await serve({ dataDir: tmp.dir, host: '127.0.0.1', port: 0, consoleDir: tmp.dir });
    await node.engine.call('demo/load', { rows: 800 }, TEST_ACTOR);
    run = await node.engine.call('bridges/run', { name: 'demo-birth-certificates', wait: true }, TEST_ACTOR);
    expect(run.status).toBe('succeeded');
    await node.engine.call('monitor/check', {}, TEST_ACTOR);
  });
  afterAll(async () => {
    await node.close();
    tmp.remove();
  });

  it('serves Prometheus metrics a text-format parser reads, per bridge and per connection', async () => {
    const response = await fetch(`${node.url}metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    const families = new Map(parse(text).map((f) => [f.name, f]));
    const value = (name: string, labels: Record<string, string>) =>
      Number(families.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value);
    const bridge = { bridge: 'demo-birth-certificates' };
    expect(value('exnode_bridge_rows_read_total', bridge)).toBe(800);
    expect(value('exnode_bridge_rows_written_total', bridge)).toBe(800);
    expect(value('exnode_bridge_failures_total', bridge)).toBe(0);
    expect(value('exnode_bridge_deviation', bridge)).toBe(0);
    expect(value('exnode_bridge_last_success_timestamp_seconds', bridge)).toBeCloseTo(Date.parse(run.finishedAt!) / 1000, 0);
    const duration = families.get('exnode_run_duration_seconds')!;
    expect(duration.type).toBe('HISTOGRAM');
    // The parser folds a labelled histogram's series into one: check its buckets, and the labelled count in the text.
    expect(duration.metrics[0]!.buckets!['+Inf']).toBe('1');
    expect(text).toContain('exnode_run_duration_seconds_count{bridge="demo-birth-certificates"} 1');
    expect(value('exnode_connection_up', { connection: 'demo-birth-registry' })).toBe(1);
    expect(families.get('exnode_connection_latency_seconds')!.metrics.length).toBeGreaterThan(0);
    expect(value('exnode_alerts_open', { severity: 'critical' })).toBe(0);
  });

  it('answers /api/status as JSON without a token on a loopback-only node', async () => {
    const status = await (await fetch(`${node.url}api/status`)).json() as Record<string, unknown>;
    expect(status).toMatchObject({ product: 'ExNode', status: 'ok', bridges: 1, running: 0, failedToday: 0 });
    expect((status.connections as { name: string; up: boolean }[]).find((c) => c.name === 'demo-birth-registry')).toMatchObject({ up: true });
  });

  it('aggregates the run history for the dashboard and the reconciliation record', async () => {
    const dashboard = await node.engine.call('monitor/dashboard', {}, TEST_ACTOR) as Dashboard;
    expect(dashboard.tiles).toMatchObject({ bridges: 1, runsToday: 1, failedToday: 0, deviationToday: 0 });
    expect(dashboard.throughput).toHaveLength(25);
    expect(dashboard.throughput.reduce((sum, h) => sum + h.read, 0)).toBe(800);
    expect(dashboard.sparklines).toEqual([{ bridge: 'demo-birth-certificates', runs: [expect.objectContaining({ rows: 800, deviation: 0, status: 'succeeded' })] }]);

    const records = await node.engine.call('monitor/records', { bridge: 'demo-birth-certificates' }, TEST_ACTOR) as { total: number; items: RecordRow[] };
    expect(records.total).toBe(1);
    expect(records.items[0]).toMatchObject({ runId: run.id, reconciliation: 'reconciled', sender: { total: 800, inserted: 800 }, receiver: { inserted: 800 }, deviation: 0 });
    expect((await node.engine.call('monitor/records', { deviationOnly: true }, TEST_ACTOR) as { total: number }).total).toBe(0);
    const days = await node.engine.call('monitor/aggregates', { by: 'day' }, TEST_ACTOR) as Aggregate[];
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ runs: 1, senderTotal: 800, receiverInserted: 800, deviation: 0 });
    const bridges = await node.engine.call('monitor/aggregates', { by: 'bridge' }, TEST_ACTOR) as Aggregate[];
    expect(bridges[0]).toMatchObject({ key: 'demo-birth-certificates', runs: 1 });
  });
});

describe('metrics on a node reachable from the network', () => {
  const tmp = tempDir('exnode-metrics-open-');
  let node: RunningNode;
  beforeAll(async () => {
    // Plain HTTP beyond loopback must be asked for (the warning goes to stderr).
    node = await serve({ dataDir: tmp.dir, host: '0.0.0.0', port: 0, consoleDir: tmp.dir, insecureHttp: true });
  });
  afterAll(async () => {
    await node.close();
    tmp.remove();
  });

  it('asks for the read-only token', async () => {
    for (const path of ['metrics', 'api/status']) {
      const refused = await fetch(`${node.url}${path}`);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
      expect((await fetch(`${node.url}${path}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const allowed = await fetch(`${node.url}${path}`, { headers: { authorization: `Bearer ${metricsToken(tmp.dir)}` } });
      expect(allowed.status).toBe(200);
    }
  });
});
