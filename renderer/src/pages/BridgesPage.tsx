import { useEffect, useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { AppstoreAddOutlined, CaretRightOutlined, DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined, SafetyCertificateOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { BridgeView } from '../../../shared/index.js';
import { sourceRef } from '../../../shared/index.js';
import { Clip } from '../components/Clip.js';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { StatusTag } from '../components/StatusTag.js';
import { formatCount } from '../components/format.js';
import { BridgeForm } from '../components/BridgeForm.js';
import { BatchWizard } from '../components/BatchWizard.js';
import { errorText, engineText } from '../i18n/engine.js';

export function BridgesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useOp('bridges/list', {});
  const [starting, setStarting] = useState<string | null>(null);
  const [form, setForm] = useState<{ open: boolean; editing?: BridgeView }>({ open: false });
  const [batchOpen, setBatchOpen] = useState(false);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  useEffect(() => subscribe('bridges.changed', () => list.reload()), [list.reload]);
  useEffect(() => subscribe('run.updated', () => list.reload()), [list.reload]);

  const run = async (name: string, fullOnce = false) => {
    setStarting(fullOnce ? `${name}:full` : name);
    try {
      const record = await call('bridges/run', { name, fullOnce });
      message.success(t('bridges.started'));
      navigate(`/runs/${record.id}`);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setStarting(null);
    }
  };

  return (
    <Card title={t('bridges.title')} extra={<Space>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="add-bridge">{t('bridges.add')}</Button>
      <Button icon={<AppstoreAddOutlined />} onClick={() => setBatchOpen(true)} data-testid="add-many">{t('bridges.addMany')}</Button>
      <Button icon={<ReloadOutlined />} onClick={list.reload}>{t('common.refresh')}</Button>
    </Space>}>
      <Table<BridgeView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('bridges.empty') }}
        columns={[
          { title: t('common.name'), dataIndex: 'name', render: (v: string, r) => <Space direction="vertical" size={0}><strong>{v}</strong>{r.config.description && <Typography.Text type="secondary" className="exn-clip" title={r.config.description}>{r.config.description}</Typography.Text>}</Space> },
          { title: t('bridges.source'), render: (_, r) => <Clip text={engineText(sourceRef(r.config))} /> },
          { title: t('bridges.target'), render: (_, r) => <Clip text={`${r.targetConnection}.${r.targetTable}`} /> },
          { title: t('bridges.mode'), render: (_, r) => <Tag>{t(`mode.${r.config.mode}`)}</Tag> },
          { title: t('bridges.direction'), render: (_, r) => <span className="exn-nowrap">{t(`direction.${r.config.direction}`)}</span> },
          {
            title: t('bridges.lastRun'),
            render: (_, r) => r.lastRun
              ? <Link to={`/runs/${r.lastRun.id}`}><Space><StatusTag status={r.lastRun.status} /><span>{t('bridges.deviation')} {formatCount(r.lastRun.deviation)}</span></Space></Link>
              : <Typography.Text type="secondary">{t('bridges.never')}</Typography.Text>,
          },
          {
            title: t('common.actions'),
            fixed: 'right',
            render: (_, r) => (
              <Space size={4} className="exn-nowrap">
                <Button type="primary" size="small" icon={<CaretRightOutlined />} disabled={!r.enabled} loading={starting === r.name}
                  onClick={() => void run(r.name)} data-testid={`run-${r.name}`}>
                  {t('bridges.run')}
                </Button>
                {r.config.mode === 'incremental' && r.config.direction === 'send' && (
                  <Tooltip title={t('bridges.runFullOnceHint')}>
                    <Button size="small" icon={<SyncOutlined />} aria-label={t('bridges.runFullOnce')} disabled={!r.enabled} loading={starting === `${r.name}:full`}
                      onClick={() => void run(r.name, true)} data-testid={`run-full-once-${r.name}`} />
                  </Tooltip>
                )}
                <Tooltip title={t('bridges.edit')}><Button size="small" icon={<EditOutlined />} aria-label={t('bridges.edit')} onClick={() => setForm({ open: true, editing: r })} data-testid={`edit-${r.name}`} /></Tooltip>
                <Tooltip title={t('dataCheck.start')}>
                  <Button size="small" icon={<SafetyCertificateOutlined />} aria-label={t('dataCheck.start')}
                    onClick={() => navigate(`/reconciliation?bridge=${encodeURIComponent(r.name)}`)} data-testid={`check-${r.name}`} />
                </Tooltip>
                <Switch size="small" checked={r.enabled} title={t('bridges.enabled')}
                  onChange={(enabled) => void act(() => call('bridges/save', { config: { ...r.config, enabled }, replace: true }))} />
                <Popconfirm title={t('bridges.confirmDelete')} onConfirm={() => void act(() => call('bridges/delete', { name: r.name }))}>
                  <Button size="small" danger icon={<DeleteOutlined />} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <BatchWizard open={batchOpen} onClose={() => { setBatchOpen(false); list.reload(); }} />
      <BridgeForm open={form.open} editing={form.editing} onClose={(saved) => { setForm({ open: false }); if (saved) list.reload(); }} />
    </Card>
  );
}
