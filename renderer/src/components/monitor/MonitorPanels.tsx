import { useEffect, useMemo } from 'react';
import { Card, Col, Progress, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../../../shared/index.js';
import { phaseText } from '../../../../shared/index.js';
import { subscribe } from '../../api/events.js';
import { engineText } from '../../i18n/engine.js';
import { useOp } from '../../useOp.js';
import { formatCount } from '../format.js';
import { AlertList } from './AlertList.js';
import { EChart } from './EChart.js';

type Sparkline = Dashboard['sparklines'][number];

function SparklineChart({ line }: { line: Sparkline }) {
  const option = useMemo(() => ({
    grid: { left: 0, right: 0, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: line.runs.map((r) => r.startedAt) },
    yAxis: { type: 'value', show: false },
    series: [{
      type: 'line', data: line.runs.map((r) => ({ value: r.rows, itemStyle: { color: r.status === 'failed' || r.deviation > 0 ? '#cf1322' : '#1677ff' } })),
      showSymbol: true, symbolSize: 4, lineStyle: { width: 1 },
    }],
  }), [line]);
  return <EChart option={option} height={36} />;
}

/** The monitoring half of the dashboard: tiles, running bridges, recent alerts, throughput and sparklines. */
export function MonitorPanels() {
  const { t } = useTranslation();
  const board = useOp('monitor/dashboard', {});
  const alerts = useOp('alerts/list', { open: true, limit: 5 });
  useEffect(() => subscribe('run.updated', () => board.reload()), [board.reload]);
  useEffect(() => subscribe('alert.changed', () => alerts.reload()), [alerts.reload]);
  const data = board.data;
  const throughput = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('monitor.dashboard.read'), t('monitor.dashboard.written')] },
    grid: { left: 60, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: (data?.throughput ?? []).map((h) => new Date(h.hour).getHours().toString().padStart(2, '0') + ':00') },
    yAxis: { type: 'value' },
    series: [
      { name: t('monitor.dashboard.read'), type: 'bar', data: (data?.throughput ?? []).map((h) => h.read) },
      { name: t('monitor.dashboard.written'), type: 'bar', data: (data?.throughput ?? []).map((h) => h.written) },
    ],
  }), [data, t]);

  const tiles = data?.tiles;
  return (
    <>
      <Card title={t('monitor.dashboard.status')} loading={board.loading && !data}>
        {tiles && (
          <Row gutter={16}>
            <Col span={4}><Statistic title={t('monitor.dashboard.running')} value={tiles.running} data-testid="tile-running" /></Col>
            <Col span={4}><Statistic title={t('monitor.dashboard.failedToday')} value={tiles.failedToday} valueStyle={tiles.failedToday > 0 ? { color: '#cf1322' } : undefined} data-testid="tile-failed" /></Col>
            <Col span={4}><Statistic title={t('monitor.dashboard.openAlerts')} value={tiles.openAlerts} valueStyle={tiles.criticalAlerts > 0 ? { color: '#cf1322' } : undefined} data-testid="tile-alerts" /></Col>
            <Col span={4}><Statistic title={t('monitor.dashboard.deviationToday')} value={tiles.deviationToday} valueStyle={tiles.deviationToday > 0 ? { color: '#cf1322' } : undefined} data-testid="tile-deviation" /></Col>
            <Col span={4}><Statistic title={t('monitor.dashboard.runsToday')} value={tiles.runsToday} data-testid="tile-runs" /></Col>
            <Col span={4}><Statistic title={t('monitor.dashboard.stale')} value={tiles.stale} valueStyle={tiles.stale > 0 ? { color: '#d48806' } : undefined} data-testid="tile-stale" /></Col>
          </Row>
        )}
      </Card>
      {data && data.running.length > 0 && (
        <Card title={t('monitor.dashboard.runningBridges')}>
          <Table size="small" rowKey="runId" pagination={false} dataSource={data.running} columns={[
            { title: t('monitor.alerts.bridge'), dataIndex: 'bridge', render: (v: string, r) => <Link to={`/runs/${r.runId}`}>{v}</Link> },
            { title: t('run.phase'), dataIndex: 'phase', render: (v: string) => engineText(phaseText(v)) },
            { title: t('monitor.dashboard.progress'), render: (_, r) => r.estimatedTotal
              ? <Progress size="small" percent={Math.min(99, Math.floor((r.rowsRead / r.estimatedTotal) * 100))} />
              : formatCount(r.rowsRead) },
          ]} />
        </Card>
      )}
      <Row gutter={16}>
        <Col span={14}>
          <Card title={t('monitor.dashboard.throughput')}>
            <EChart option={throughput} height={260} testId="chart-throughput" />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={t('monitor.dashboard.recentAlerts')} extra={<Link to="/alerts">{t('monitor.dashboard.allAlerts')}</Link>}>
            <AlertList alerts={alerts.data?.items} loading={alerts.loading} onChanged={() => { alerts.reload(); board.reload(); }} compact />
          </Card>
        </Col>
      </Row>
      {data && data.sparklines.length > 0 && (
        <Card title={t('monitor.dashboard.sparklines')}>
          <Table size="small" rowKey="bridge" pagination={false} dataSource={data.sparklines} data-testid="sparklines" columns={[
            { title: t('monitor.alerts.bridge'), dataIndex: 'bridge', width: 240 },
            { title: t('monitor.dashboard.recentRuns'), render: (_, line) => <SparklineChart line={line} /> },
            { title: t('monitor.dashboard.lastRows'), width: 140, align: 'right', render: (_, line) => formatCount(line.runs.at(-1)?.rows ?? 0) },
          ]} />
        </Card>
      )}
    </>
  );
}
