import { useEffect, useState } from 'react';
import { Card, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { AlertList } from '../components/monitor/AlertList.js';
import { ChannelsCard } from '../components/monitor/ChannelsCard.js';
import { BridgeWatchCard } from '../components/monitor/BridgeWatchCard.js';

const PAGE = 20;

/** The alert centre: active alerts and their history, acknowledge with a comment, notification channels. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const alerts = useOp('alerts/list', { open: scope === 'open', limit: PAGE, offset: (page - 1) * PAGE });
  useEffect(() => subscribe('alert.changed', () => alerts.reload()), [alerts.reload]);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('monitor.alerts.title')} extra={
        <Segmented value={scope} onChange={(v) => { setScope(v as 'open' | 'all'); setPage(1); }} data-testid="alert-scope"
          options={[{ label: t('monitor.alerts.onlyOpen'), value: 'open' }, { label: t('monitor.alerts.all'), value: 'all' }]} />
      }>
        <AlertList alerts={alerts.data?.items} loading={alerts.loading} onChanged={alerts.reload}
          pagination={{ current: page, pageSize: PAGE, total: alerts.data?.total ?? 0, onChange: (p) => setPage(p) }} />
      </Card>
      <BridgeWatchCard />
      <ChannelsCard />
    </Space>
  );
}
