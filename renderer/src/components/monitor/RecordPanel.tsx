import { useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Row, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import type { Aggregate, RecordRow } from '../../../../shared/index.js';
import { useOp } from '../../useOp.js';
import { errorText } from '../../i18n/engine.js';
import { formatCount, formatDuration, formatTime } from '../format.js';
import { EChart } from './EChart.js';
import { exportCsv, exportXlsx } from './export-records.js';

const PAGE = 20;
const STATUS_COLOR = { reconciled: 'green', deviation: 'red', 'not-reconciled': 'orange' } as const;

/** The reconciliation record: filters, server-side paged runs, daily and per-bridge sums, charts, export. */
export function RecordPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')]);
  const [bridge, setBridge] = useState<string | undefined>();
  const [status, setStatus] = useState<RecordRow['reconciliation'] | undefined>();
  const [deviationOnly, setDeviationOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const bridges = useOp('bridges/list', {});
  const filter = useMemo(() => ({
    from: range[0].startOf('day').toISOString(), to: range[1].endOf('day').add(1, 'ms').toISOString(),
    tzOffsetMinutes: -new Date().getTimezoneOffset(),
    ...(bridge ? { bridge } : {}), ...(status ? { status } : {}), deviationOnly,
  }), [range, bridge, status, deviationOnly]);
  const records = useOp('monitor/records', { ...filter, limit: PAGE, offset: (page - 1) * PAGE });
  const days = useOp('monitor/aggregates', { ...filter, by: 'day' });
  const perBridge = useOp('monitor/aggregates', { ...filter, by: 'bridge' });

  const dayList = useMemo(() => [...(days.data ?? [])].reverse(), [days.data]);
  const rowsChart = useMemo(() => ({
    tooltip: { trigger: 'axis' }, legend: { top: 0, data: [t('monitor.records.senderTotal'), t('monitor.records.written')] },
    grid: { left: 70, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: dayList.map((d) => d.key) }, yAxis: { type: 'value' },
    series: [
      { name: t('monitor.records.senderTotal'), type: 'bar', data: dayList.map((d) => d.senderTotal) },
      { name: t('monitor.records.written'), type: 'bar', data: dayList.map((d) => d.receiverInserted + d.receiverUpdated + d.receiverDeleted) },
    ],
  }), [dayList, t]);
  const deviationChart = useMemo(() => ({
    tooltip: { trigger: 'axis' }, grid: { left: 50, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: dayList.map((d) => d.key) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('monitor.records.deviation'), type: 'line', data: dayList.map((d) => d.deviation), itemStyle: { color: '#cf1322' } }],
  }), [dayList, t]);

  const run = async (kind: 'xlsx' | 'csv') => {
    setExporting(true);
    try {
      const name = `exnode-reconciliation-${range[0].format('YYYYMMDD')}-${range[1].format('YYYYMMDD')}.${kind}`;
      const n = await (kind === 'xlsx' ? exportXlsx(filter, t, name) : exportCsv(filter, t, name));
      message.success(t('monitor.records.exported', { n }));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };
  const reset = () => setPage(1);

  const aggColumns = (first: 'day' | 'bridge') => [
    { title: t(`monitor.records.${first}`), dataIndex: 'key' },
    ...(['runs', 'failed', 'notReconciled', 'senderTotal', 'senderInserted', 'senderUpdated', 'senderDeleted', 'receiverInserted', 'receiverUpdated', 'receiverDeleted', 'rejected'] as const)
      .map((k) => ({ title: t(`monitor.records.${k}`), dataIndex: k, align: 'right' as const, render: (v: number) => formatCount(v) })),
    { title: t('monitor.records.deviation'), dataIndex: 'deviation', align: 'right' as const, render: (v: number, a: Aggregate) => <Typography.Text type={v > 0 ? 'danger' : undefined} data-testid={`agg-deviation-${a.key}`}>{formatCount(v)}</Typography.Text> },
  ];

  return (
    <Card title={t('monitor.records.title')} data-testid="record-panel">
      <Typography.Paragraph type="secondary">{t('monitor.records.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => { if (v?.[0] && v[1]) { setRange([v[0], v[1]]); reset(); } }} data-testid="record-range" />
        <Select allowClear showSearch placeholder={t('monitor.records.bridge')} style={{ width: 220 }} value={bridge} data-testid="record-bridge"
          onChange={(v: string | undefined) => { setBridge(v); reset(); }} options={(bridges.data ?? []).map((b) => ({ value: b.name, label: b.name }))} />
        <Select allowClear placeholder={t('monitor.records.status')} style={{ width: 140 }} value={status} data-testid="record-status"
          onChange={(v: RecordRow['reconciliation'] | undefined) => { setStatus(v); reset(); }}
          options={(['reconciled', 'deviation', 'not-reconciled'] as const).map((s) => ({ value: s, label: t(`monitor.recon.${s}`) }))} />
        <Space><Switch checked={deviationOnly} onChange={(v) => { setDeviationOnly(v); reset(); }} data-testid="record-deviation-only" />{t('monitor.records.deviationOnly')}</Space>
        <Button onClick={() => void run('xlsx')} loading={exporting} data-testid="export-xlsx">{t('monitor.records.exportXlsx')}</Button>
        <Button onClick={() => void run('csv')} loading={exporting} data-testid="export-csv">{t('monitor.records.exportCsv')}</Button>
      </Space>
      <Row gutter={16}>
        <Col span={14}><EChart option={rowsChart} height={220} testId="chart-rows-per-day" /></Col>
        <Col span={10}><EChart option={deviationChart} height={220} testId="chart-deviation-per-day" /></Col>
      </Row>
      <Tabs items={[
        {
          key: 'detail', label: t('monitor.records.detail'),
          children: <Table<RecordRow> size="small" rowKey="runId" loading={records.loading} dataSource={records.data?.items ?? []} data-testid="record-table"
            pagination={{ current: page, pageSize: PAGE, total: records.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => formatCount(n) }}
            columns={[
              { title: t('monitor.records.started'), dataIndex: 'startedAt', render: (v: string, r) => <Link to={`/runs/${r.runId}`}>{formatTime(v)}</Link> },
              { title: t('monitor.records.bridge'), dataIndex: 'bridge' },
              { title: t('monitor.records.status'), dataIndex: 'reconciliation', render: (v: RecordRow['reconciliation']) => <Tag color={STATUS_COLOR[v]}>{t(`monitor.recon.${v}`)}</Tag> },
              { title: t('monitor.records.senderTotal'), align: 'right', render: (_, r) => formatCount(r.sender.total) },
              { title: `${t('run.sender')} ${t('run.inserted')}/${t('run.updated')}/${t('run.deleted')}`, align: 'right', render: (_, r) => `${formatCount(r.sender.inserted)} / ${formatCount(r.sender.updated)} / ${formatCount(r.sender.deleted)}` },
              { title: `${t('run.receiver')} ${t('run.inserted')}/${t('run.updated')}/${t('run.deleted')}`, align: 'right', render: (_, r) => `${formatCount(r.receiver.inserted)} / ${formatCount(r.receiver.updated)} / ${formatCount(r.receiver.deleted)}` },
              { title: t('monitor.records.rejected'), align: 'right', render: (_, r) => formatCount(r.receiver.rejected) },
              { title: t('monitor.records.deviation'), align: 'right', render: (_, r) => r.reconciliation === 'not-reconciled' ? '-' : <Typography.Text type={r.deviation > 0 ? 'danger' : 'success'} strong>{formatCount(r.deviation)}</Typography.Text> },
              { title: t('monitor.records.duration'), align: 'right', render: (_, r) => formatDuration(r.durationMs) },
            ]} />,
        },
        { key: 'daily', label: t('monitor.records.daily'), children: <Table size="small" rowKey="key" loading={days.loading} dataSource={days.data ?? []} columns={aggColumns('day')} pagination={{ pageSize: 31, hideOnSinglePage: true }} data-testid="daily-table" /> },
        { key: 'bridge', label: t('monitor.records.byBridge'), children: <Table size="small" rowKey="key" loading={perBridge.loading} dataSource={perBridge.data ?? []} columns={aggColumns('bridge')} pagination={{ pageSize: 50, hideOnSinglePage: true }} /> },
      ]} />
    </Card>
  );
}
