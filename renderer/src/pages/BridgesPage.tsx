import { useEffect, useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { CaretRightOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { BridgeView } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { StatusTag } from '../components/StatusTag.js';
import { formatCount } from '../components/format.js';

export function BridgesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useOp('bridges/list', {});
  const [starting, setStarting] = useState<string | null>(null);
  useEffect(() => subscribe('bridges.changed', () => list.reload()), [list.reload]);
  useEffect(() => subscribe('run.updated', () => list.reload()), [list.reload]);

  const run = async (name: string) => {
    setStarting(name);
    try {
      const record = await call('bridges/run', { name });
      message.success(t('bridges.started'));
      navigate(`/runs/${record.id}`);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setStarting(null);
    }
  };

  return (
    <Card title={t('bridges.title')} extra={<Button icon={<ReloadOutlined />} onClick={list.reload}>{t('common.refresh')}</Button>}>
      <Table<BridgeView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('bridges.empty') }}
        columns={[
          { title: t('common.name'), dataIndex: 'name', render: (v: string, r) => <Space direction="vertical" size={0}><strong>{v}</strong>{r.config.description && <Typography.Text type="secondary">{r.config.description}</Typography.Text>}</Space> },
          { title: t('bridges.source'), render: (_, r) => `${r.sourceConnection}.${r.config.source.table}` },
          { title: t('bridges.target'), render: (_, r) => `${r.targetConnection}.${r.targetTable}` },
          { title: t('bridges.mode'), render: (_, r) => <Tag>{t(`mode.${r.config.mode}`)}</Tag> },
          { title: t('bridges.direction'), render: (_, r) => t(`direction.${r.config.direction}`) },
          {
            title: t('bridges.lastRun'),
            render: (_, r) => r.lastRun
              ? <Link to={`/runs/${r.lastRun.id}`}><Space><StatusTag status={r.lastRun.status} /><span>{t('bridges.deviation')} {formatCount(r.lastRun.deviation)}</span></Space></Link>
              : <Typography.Text type="secondary">{t('bridges.never')}</Typography.Text>,
          },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <Button type="primary" size="small" icon={<CaretRightOutlined />} disabled={!r.enabled} loading={starting === r.name}
                onClick={() => void run(r.name)} data-testid={`run-${r.name}`}>
                {t('bridges.run')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
