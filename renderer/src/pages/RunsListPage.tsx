import { useEffect, useState } from 'react';
import { Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RunRecord } from '../../../shared/index.js';
import { RUN_STATUSES } from '../../../shared/index.js';
import { subscribe } from '../api/events.js';
import { StatusTag } from '../components/StatusTag.js';
import { formatCount, formatDuration, formatTime } from '../components/format.js';
import { useOp } from '../useOp.js';
import { skippedReasonText } from '../i18n/engine.js';

const PAGE = 20;
const TRIGGERS = ['manual', 'schedule', 'cli', 'resume'] as const;

/** Every run, filtered by bridge, status, trigger and time, paged on the server; new runs appear by themselves. */
export function RunsListPage() {
  const { t } = useTranslation();
  const [bridge, setBridge] = useState<string>();
  const [status, setStatus] = useState<(typeof RUN_STATUSES)[number]>();
  const [trigger, setTrigger] = useState<(typeof TRIGGERS)[number]>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const bridges = useOp('bridges/list', {});
  const runs = useOp('runs/search', {
    limit: PAGE, offset: (page - 1) * PAGE,
    ...(bridge ? { bridge } : {}), ...(status ? { status } : {}), ...(trigger ? { trigger } : {}),
    ...(range?.[0] ? { from: range[0].toISOString() } : {}), ...(range?.[1] ? { to: range[1].toISOString() } : {}),
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Many runs may change at once (schedules): refresh at most twice a second.
    const off = subscribe('run.updated', () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        runs.reload();
      }, 500);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [runs.reload]);
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <Card title={t('schedule.navRuns')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('schedule.bridge')} style={{ width: 200 }} value={bridge} onChange={reset(setBridge)} data-testid="runs-filter-bridge"
          options={(bridges.data ?? []).map((b) => ({ value: b.name, label: b.name }))} />
        <Select allowClear placeholder={t('schedule.status')} style={{ width: 140 }} value={status} onChange={reset(setStatus)} data-testid="runs-filter-status"
          options={RUN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`, { defaultValue: s }) }))} />
        <Select allowClear placeholder={t('schedule.trigger')} style={{ width: 140 }} value={trigger} onChange={reset(setTrigger)} data-testid="runs-filter-trigger"
          options={TRIGGERS.map((s) => ({ value: s, label: t(`schedule.triggers.${s}`) }))} />
        <DatePicker.RangePicker showTime value={range} onChange={reset(setRange)} />
      </Space>
      <Table<RunRecord>
        size="small" rowKey="id" loading={runs.loading && !runs.data} dataSource={runs.data?.items ?? []} data-testid="runs-table"
        pagination={{ current: page, pageSize: PAGE, total: runs.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('schedule.total', { n }) }}
        columns={[
          { title: t('schedule.started'), dataIndex: 'startedAt', render: (v: string, r) => <Link to={`/runs/${r.id}`}>{formatTime(v)}</Link> },
          { title: t('schedule.bridge'), dataIndex: 'bridgeName' },
          { title: t('schedule.trigger'), dataIndex: 'trigger', render: (v: string) => <span data-testid="run-trigger">{t(`schedule.triggers.${v}`)}</span> },
          { title: t('schedule.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { title: t('run.total', { defaultValue: 'rows' }), align: 'right', render: (_, r) => formatCount(r.sender.total) },
          { title: t('run.deviation'), align: 'right', render: (_, r) => (r.status === 'skipped' ? '' : formatCount(r.deviation.total)) },
          { title: t('run.duration'), align: 'right', render: (_, r) => (r.status === 'skipped' ? '' : formatDuration(r.durationMs)) },
          { title: t('schedule.reason'), dataIndex: 'skippedReason', render: (_, r) => <Typography.Text type="secondary" data-testid="run-skipped-reason">{skippedReasonText(r)}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
