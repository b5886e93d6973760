import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Progress, Row, Space, Statistic } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { RunsTable } from '../components/RunsTable.js';
import { errorText } from '../i18n/engine.js';
import { MonitorPanels } from '../components/monitor/MonitorPanels.js';

export function DashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const info = useOp('node/info', {});
  const runs = useOp('runs/list', { limit: 10 });
  const [demo, setDemo] = useState<{ rows: number; total: number } | null>(null);
  // The demo takes a while: a technician who went to another page gets no toast there (the page says it).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => subscribe('demo.progress', setDemo), []);
  useEffect(() => subscribe('run.updated', () => runs.reload()), [runs.reload]);

  const loadDemo = async () => {
    setDemo({ rows: 0, total: 100_000 });
    try {
      await call('demo/load', { rows: 100_000 });
      if (!mounted.current) return;
      message.success(t('dashboard.demoDone'));
      info.reload();
    } catch (error) {
      if (mounted.current) message.error(errorText(error));
    } finally {
      if (mounted.current) setDemo(null);
    }
  };

  const node = info.data;
  const empty = node !== undefined && !node.demoLoaded && node.counts.bridges === 0;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('dashboard.title')} loading={info.loading && !node}>
        {node && (
          <>
            <Row gutter={16}>
              <Col span={6}><Statistic title={t('dashboard.connections')} value={node.counts.connections} /></Col>
              <Col span={6}><Statistic title={t('dashboard.bridges')} value={node.counts.bridges} /></Col>
              <Col span={6}><Statistic title={t('dashboard.runs')} value={node.counts.runs} /></Col>
              <Col span={6}><Statistic title={t('dashboard.exchange')} value={node.exchange.dialect} /></Col>
            </Row>
            <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('dashboard.exchange')}>{node.exchange.summary}</Descriptions.Item>
              <Descriptions.Item label={t('dashboard.dataDir')}>{node.dataDir}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Card>
      {empty && (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Space direction="vertical"><strong>{t('dashboard.emptyTitle')}</strong><span>{t('dashboard.emptyHint')}</span></Space>}>
            {demo ? (
              <Space direction="vertical" style={{ width: 360 }}>
                <span>{t('dashboard.loadingDemo')}</span>
                <Progress percent={Math.round((demo.rows / demo.total) * 100)} data-testid="demo-progress" />
              </Space>
            ) : (
              <Button type="primary" size="large" icon={<ExperimentOutlined />} onClick={() => void loadDemo()} data-testid="load-demo">
                {t('dashboard.loadDemo')}
              </Button>
            )}
          </Empty>
        </Card>
      )}
      {node?.demoLoaded && node.counts.runs === 0 && (
        <Card><Space><span>{t('dashboard.demoDone')}</span><Button type="primary" onClick={() => navigate('/bridges')} data-testid="go-bridges">{t('dashboard.goBridges')}</Button></Space></Card>
      )}
      <MonitorPanels />
      <Card title={t('dashboard.recentRuns')}>
        <RunsTable runs={runs.data} loading={runs.loading} />
      </Card>
    </Space>
  );
}
