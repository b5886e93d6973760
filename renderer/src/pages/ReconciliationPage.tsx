import { useEffect } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { RunsTable } from '../components/RunsTable.js';

/** Per-run reconciliation (R4): what each sender read against what each receiver applied. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const runs = useOp('runs/list', { limit: 200 });
  useEffect(() => subscribe('run.updated', () => runs.reload()), [runs.reload]);
  return (
    <Card title={t('reconciliation.title')}>
      <Typography.Paragraph type="secondary">{t('reconciliation.hint')}</Typography.Paragraph>
      <RunsTable runs={runs.data} loading={runs.loading} />
    </Card>
  );
}
