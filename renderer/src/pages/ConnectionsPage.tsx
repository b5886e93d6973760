import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Modal, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { ApiOutlined, DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined, TableOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, TestResult } from '../../../shared/index.js';
import { CAPABILITIES } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { StatusTag } from '../components/StatusTag.js';
import { ConnectionForm } from '../components/ConnectionForm.js';
import { SchemaDrawer } from '../components/SchemaDrawer.js';
import { LastUse } from '../components/LastUse.js';
import { Clip } from '../components/Clip.js';
import { ShortTime } from '../components/ShortTime.js';
import { connectionErrorText, errorText, testMessage } from '../i18n/engine.js';

export function ConnectionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useOp('connections/list', {});
  const [testing, setTesting] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; result: TestResult } | null>(null);
  const [form, setForm] = useState<{ open: boolean; editing?: ConnectionView }>({ open: false });
  const [browsing, setBrowsing] = useState<string | null>(null);
  useEffect(() => subscribe('connections.changed', () => list.reload()), [list.reload]);

  const remove = async (name: string) => {
    try {
      await call('connections/delete', { name });
      message.success(t('connections.deleted'));
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const test = async (name: string) => {
    setTesting(name);
    try {
      setResult({ name, result: await call('connections/test', { name }) });
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setTesting(null);
    }
  };

  return (
    <Card title={t('connections.title')} extra={<Space>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="add-connection">{t('connections.add')}</Button>
      <Button icon={<ReloadOutlined />} onClick={list.reload}>{t('common.refresh')}</Button>
    </Space>}>
      <Table<ConnectionView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('connections.empty') }}
        columns={[
          { title: t('common.name'), dataIndex: 'name', render: (v: string, r) => <Space>{v}{r.isExchange && <Tag color="blue">{t('connections.exchangeTag')}</Tag>}</Space> },
          { title: t('connections.dialect'), dataIndex: 'dialect', render: (v: keyof typeof CAPABILITIES) => CAPABILITIES[v]?.label ?? v },
          { title: t('connections.summary'), dataIndex: 'summary', render: (v: string) => <Clip text={v} /> },
          { title: t('connections.health'), dataIndex: 'health', render: (v: string, r) => <span title={connectionErrorText(r) || undefined}><StatusTag status={v} testId={`health-${r.name}`} /></span> },
          { title: t('connections.lastTested'), dataIndex: 'lastTestedAt', render: (v: string | null) => <ShortTime iso={v} /> },
          { title: t('connections.lastUsed'), dataIndex: 'lastUsedAt', render: (_: unknown, r) => <LastUse connection={r} /> },
          {
            title: t('common.actions'),
            fixed: 'right',
            render: (_, r) => (
              <Space size={4} className="exn-nowrap">
                <Button size="small" icon={<ApiOutlined />} loading={testing === r.name} onClick={() => void test(r.name)} data-testid={`test-${r.name}`}>
                  {t('connections.test')}
                </Button>
                <Tooltip title={t('connections.browse')}><Button size="small" icon={<TableOutlined />} aria-label={t('connections.browse')} onClick={() => setBrowsing(r.name)} data-testid={`browse-${r.name}`} /></Tooltip>
                <Tooltip title={t('connections.edit')}><Button size="small" icon={<EditOutlined />} aria-label={t('connections.edit')} onClick={() => setForm({ open: true, editing: r })} data-testid={`edit-${r.name}`} /></Tooltip>
                {!r.isExchange && (
                  <Popconfirm title={t('connections.confirmDelete')} onConfirm={() => void remove(r.name)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('connections.delete')} title={t('connections.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ConnectionForm open={form.open} editing={form.editing} onClose={(saved) => { setForm({ open: false }); if (saved) list.reload(); }} />
      <SchemaDrawer name={browsing} onClose={() => setBrowsing(null)} />
      <Modal open={result !== null} onCancel={() => setResult(null)} onOk={() => setResult(null)} cancelButtonProps={{ style: { display: 'none' } }}
        title={result ? `${result.name}: ${result.result.ok ? t('connections.testOk') : t('connections.testFailed')}` : ''}>
        {result && (result.result.ok ? (
          <Descriptions size="small" column={1} data-testid="test-result">
            <Descriptions.Item label={t('connections.product')}>{result.result.product}</Descriptions.Item>
            <Descriptions.Item label={t('connections.version')}>{result.result.version}</Descriptions.Item>
            <Descriptions.Item label={t('connections.latency')}>{result.result.latencyMs} ms</Descriptions.Item>
            <Descriptions.Item label={t('connections.user')}>{result.result.currentUser ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('connections.database')}>{result.result.currentDatabase ?? '-'}</Descriptions.Item>
          </Descriptions>
        ) : (
          <div data-testid="test-result"><Tag color="red">{result.result.errorCode}</Tag> {testMessage(result.result)}</div>
        ))}
      </Modal>
    </Card>
  );
}
