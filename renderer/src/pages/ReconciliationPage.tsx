import { useEffect } from 'react';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { RunsTable } from '../components/RunsTable.js';
import { DataCheck } from '../components/DataCheck.js';

/** Reconciliation: per run, what each sender read against what each receiver applied (R4); per table, on demand, row by row. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const runs = useOp('runs/list', { limit: 200 });
  useEffect(() => subscribe('run.updated', () => runs.reload()), [runs.reload]);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('reconciliation.title')}>
        <Typography.Paragraph type="secondary">{t('reconciliation.hint')}</Typography.Paragraph>
        <RunsTable runs={runs.data} loading={runs.loading} />
      </Card>
      <DataCheck initialBridge={params.get('bridge') ?? undefined} />
    </Space>
  );
}
