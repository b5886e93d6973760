import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Table, Tabs, Tag } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type RejectedRow, type RunLogEntry, type RunRecord, phaseText, runErrorText, stoppedPhase } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { StatusTag } from '../components/StatusTag.js';
import { formatCount, formatDuration, formatTime } from '../components/format.js';
import { RunReconciliationCard } from '../components/monitor/RunReconciliationCard.js';
import { engineText, errorText } from '../i18n/engine.js';

const ACTIVE = new Set(['queued', 'running']);

/**
 * Records of a run arrive by event and by polling, not always in order (a poll answered late can
 * follow the final event): a finished run never goes back to running, and its progress never shrinks.
 */
function latest(shown: RunRecord | undefined, next: RunRecord | undefined): RunRecord | undefined {
  if (!shown || !next || shown.id !== next.id) return next;
  if (!ACTIVE.has(next.status)) return next;
  if (!ACTIVE.has(shown.status) || next.progress.rowsRead < shown.progress.rowsRead) return shown;
  return next;
}

export function RunPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const initial = useOp('runs/get', { id });
  const [run, setRun] = useState<RunRecord>();
  const active = run ? ACTIVE.has(run.status) : true;
  const log = useOp('runs/log', { id }, run?.status);
  const rejected = useOp('runs/rejected', { id }, run?.status);

  const show = (next: RunRecord | undefined) => setRun((shown) => latest(shown, next));
  useEffect(() => show(initial.data), [initial.data]);
  useEffect(() => subscribe('run.updated', (r) => r.id === id && show(r)), [id]);
  // Events are the fast path; polling keeps the page right if the event stream drops.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void call('runs/get', { id }).then(show).catch(() => undefined), 1000);
    return () => clearInterval(timer);
  }, [id, active]);

  if (initial.error) return <Alert type="error" message={errorText(initial.error)} data-testid="run-error" />;
  if (!run) return <Card loading />;

  const percent = run.status === 'succeeded' ? 100 : run.progress.estimatedTotal ? Math.min(99, Math.floor((run.progress.rowsRead / run.progress.estimatedTotal) * 100)) : 0;
  const seconds = (run.durationMs ?? Date.now() - Date.parse(run.startedAt)) / 1000;

  const cancel = async () => {
    try {
      show(await call('runs/cancel', { id }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={`${t('run.title')} · ${run.bridgeName}`} extra={active && <Button danger icon={<StopOutlined />} onClick={() => void cancel()}>{t('run.cancel')}</Button>}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('run.status')}><StatusTag status={run.status} testId="run-status" /></Descriptions.Item>
          <Descriptions.Item label={t('bridges.mode')}>{t(`mode.${run.mode}`)} · {t(`direction.${run.direction}`)}</Descriptions.Item>
          <Descriptions.Item label={t('run.phase')}>{engineText(phaseText(stoppedPhase(run)))}</Descriptions.Item>
          <Descriptions.Item label={t('run.started')}>{formatTime(run.startedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('run.duration')}>{formatDuration(run.durationMs)}</Descriptions.Item>
          <Descriptions.Item label={t('run.speed')}>{seconds > 0 ? `${formatCount(Math.round(run.sender.total / seconds))} ${t('run.rowsPerSec')}` : '-'}</Descriptions.Item>
          {run.progress.rowsTransferred !== undefined && (
            <Descriptions.Item label={t('run.transferred')}>{formatCount(run.progress.rowsTransferred)}</Descriptions.Item>
          )}
        </Descriptions>
        <Progress percent={percent} status={run.status === 'failed' ? 'exception' : active ? 'active' : 'normal'}
          // An incremental run reads only what changed: its total is not known in advance, so show the rows read.
          {...(active && run.progress.estimatedTotal === null ? { format: () => formatCount(run.progress.rowsRead) } : {})} />
        {run.error && <Alert type="error" showIcon message={`${run.error.code}: ${engineText(runErrorText(run.error))}`} style={{ marginTop: 12 }} />}
        {run.mode === 'incremental' && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} data-testid="incremental-run-note" message={t('run.incrementalNote')}
            action={<Link to={`/reconciliation?bridge=${encodeURIComponent(run.bridgeName)}`}>{t('run.checkData')}</Link>} />
        )}
      </Card>
      <RunReconciliationCard run={run} />
      <Card>
        <Tabs items={[
          {
            key: 'log', label: t('run.log'),
            children: <Table size="small" data-testid="run-log" rowKey={(_, i) => String(i)} pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={log.data ?? []}
              columns={[
                { title: t('run.time'), dataIndex: 'at', width: 210, render: (v: string) => <span className="exn-nowrap">{formatTime(v)}</span> },
                {
                  title: t('run.level'), dataIndex: 'level', width: 90,
                  render: (v: 'info' | 'warn' | 'error') => <Tag color={v === 'error' ? 'red' : v === 'warn' ? 'orange' : 'default'}>{t(`run.levels.${v}`)}</Tag>,
                },
                { title: t('run.message'), render: (_, e: RunLogEntry) => (e.key ? engineText({ key: e.key, ...(e.params ? { params: e.params } : {}) }) : e.message) },
              ]} />,
          },
          {
            key: 'rejected', label: `${t('run.rejectedRows')} (${formatCount(rejected.data?.length ?? 0)})`,
            children: <Table size="small" rowKey={(_, i) => String(i)} pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={rejected.data ?? []}
              columns={[
                { title: t('run.key'), dataIndex: 'key', render: (v: Record<string, unknown>) => JSON.stringify(v) },
                { title: t('run.reason'), render: (_, r: RejectedRow) => (r.reasonMessage ? engineText(r.reasonMessage) : r.reason) },
              ]} />,
          },
        ]} />
      </Card>
    </Space>
  );
}
