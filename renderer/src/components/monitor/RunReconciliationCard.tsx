import { Alert, Card, Table, Tag, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RunRecord } from '../../../../shared/index.js';
import { engineText } from '../../i18n/engine.js';
import { formatCount } from '../format.js';

const ALERT_TYPE = { reconciled: 'success', deviation: 'error', 'not-reconciled': 'warning' } as const;
const TEST_ID = { reconciled: 'reconciled', deviation: 'deviation-alert', 'not-reconciled': 'not-reconciled' } as const;

/**
 * The run's reconciliation (桥接核对): green only when a finished run's counts agree. A run that
 * failed, was cancelled or is still going is "not reconciled" with its phase and reason, and its
 * deviation cells show no number that could read as "0, fine".
 */
export function RunReconciliationCard({ run }: { run: RunRecord }) {
  const { t } = useTranslation();
  const rec = run.reconciliation;
  const finished = rec.status !== 'not-reconciled';
  const tag = (v: number, testId: string) => finished
    ? <Tag color={v === 0 ? 'green' : 'red'} data-testid={testId}>{formatCount(v)}</Tag>
    : <Tag data-testid={testId}>{t('monitor.recon.notComparable')}</Tag>;
  const applied = run.receiver.inserted + run.receiver.updated + run.receiver.deleted;
  const counts: { kind: React.ReactNode; sender: number | null; receiver: number; deviation: number | null; key: string }[] = [
    {
      key: 'total', sender: run.sender.total, receiver: applied + run.receiver.rejected, deviation: null,
      kind: <span>{t('monitor.recon.readRow')} <Tooltip title={t('monitor.recon.readHint')}><QuestionCircleOutlined /></Tooltip></span>,
    },
    { key: 'inserted', kind: t('run.inserted'), sender: run.sender.inserted, receiver: run.receiver.inserted, deviation: run.deviation.inserted },
    { key: 'updated', kind: t('run.updated'), sender: run.sender.updated, receiver: run.receiver.updated, deviation: run.deviation.updated },
    { key: 'deleted', kind: t('run.deleted'), sender: run.sender.deleted, receiver: run.receiver.deleted, deviation: run.deviation.deleted },
    { key: 'rejected', kind: t('run.rejected'), sender: null, receiver: run.receiver.rejected, deviation: null },
  ];
  return (
    <Card title={t('reconciliation.title')} extra={<Tag color={ALERT_TYPE[rec.status] === 'success' ? 'green' : ALERT_TYPE[rec.status] === 'error' ? 'red' : 'orange'} data-testid="reconciliation-status">{t(`monitor.recon.${rec.status}`)}</Tag>}>
      <Alert type={ALERT_TYPE[rec.status]} showIcon message={engineText(rec.summary)} description={engineText(rec.meaning)}
        data-testid={TEST_ID[rec.status]} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={counts}
        columns={[
          { title: t('run.kind'), dataIndex: 'kind' },
          { title: t('run.sender'), dataIndex: 'sender', align: 'right', render: (v: number | null, r) => <span data-testid={`sender-${r.key}`}>{formatCount(v)}</span> },
          { title: t('run.receiver'), dataIndex: 'receiver', align: 'right', render: (v: number, r) => <span data-testid={`receiver-${r.key}`}>{formatCount(v)}</span> },
          { title: t('run.deviation'), dataIndex: 'deviation', align: 'right', render: (v: number | null, r) => v === null ? '-' : tag(v, `deviation-${r.key}`) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><strong>{t('run.deviation')}</strong></Table.Summary.Cell>
            <Table.Summary.Cell index={1} colSpan={3} align="right">{tag(run.deviation.total, 'deviation-total')}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
