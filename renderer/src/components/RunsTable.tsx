import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RunRecord } from '../../../shared/index.js';
import { StatusTag } from './StatusTag.js';
import { formatCount, formatDuration, formatTime } from './format.js';

/** Runs with their reconciliation at a glance: sender and receiver counts and the deviation. */
export function RunsTable({ runs, loading }: { runs: RunRecord[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<RunRecord>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={runs ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('dashboard.noRuns') }}
      columns={[
        { title: t('run.started'), dataIndex: 'startedAt', render: (v: string, r) => <Link to={`/runs/${r.id}`}>{formatTime(v)}</Link> },
        { title: t('run.bridge'), dataIndex: 'bridgeName' },
        { title: t('bridges.mode'), dataIndex: 'mode', render: (v: string) => t(`mode.${v}`) },
        { title: t('run.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
        { title: `${t('run.sender')} ${t('run.total')}`, align: 'right', render: (_, r) => formatCount(r.sender.total) },
        { title: `${t('run.sender')} ${t('run.inserted')}/${t('run.updated')}/${t('run.deleted')}`, align: 'right', render: (_, r) => `${formatCount(r.sender.inserted)} / ${formatCount(r.sender.updated)} / ${formatCount(r.sender.deleted)}` },
        { title: `${t('run.receiver')} ${t('run.inserted')}/${t('run.updated')}/${t('run.deleted')}`, align: 'right', render: (_, r) => `${formatCount(r.receiver.inserted)} / ${formatCount(r.receiver.updated)} / ${formatCount(r.receiver.deleted)}` },
        { title: t('run.rejected'), align: 'right', render: (_, r) => formatCount(r.receiver.rejected) },
        {
          title: t('run.deviation'), align: 'right',
          render: (_, r) => r.reconciliation.status === 'not-reconciled'
            ? <Typography.Text type="warning" data-testid="run-not-reconciled">{t('monitor.recon.not-reconciled')}</Typography.Text>
            : <Typography.Text type={r.reconciliation.status === 'reconciled' ? 'success' : 'danger'} strong>{formatCount(r.deviation.total)}</Typography.Text>,
        },
        { title: t('run.duration'), align: 'right', render: (_, r) => formatDuration(r.durationMs) },
      ]}
    />
  );
}
