import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Modal, Space, Table, Tag } from 'antd';
import { ApiOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, TestResult } from '../../../shared/index.js';
import { CAPABILITIES } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { StatusTag } from '../components/StatusTag.js';
import { formatTime } from '../components/format.js';

export function ConnectionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useOp('connections/list', {});
  const [testing, setTesting] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; result: TestResult } | null>(null);
  useEffect(() => subscribe('connections.changed', () => list.reload()), [list.reload]);

  const test = async (name: string) => {
    setTesting(name);
    try {
      setResult({ name, result: await call('connections/test', { name }) });
      list.reload();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setTesting(null);
    }
  };

  return (
    <Card title={t('connections.title')} extra={<Button icon={<ReloadOutlined />} onClick={list.reload}>{t('common.refresh')}</Button>}>
      <Table<ConnectionView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('connections.empty') }}
        columns={[
          { title: t('common.name'), dataIndex: 'name', render: (v: string, r) => <Space>{v}{r.isExchange && <Tag color="blue">{t('connections.exchangeTag')}</Tag>}</Space> },
          { title: t('connections.dialect'), dataIndex: 'dialect', render: (v: keyof typeof CAPABILITIES) => CAPABILITIES[v]?.label ?? v },
          { title: t('connections.summary'), dataIndex: 'summary', ellipsis: true },
          { title: t('connections.health'), dataIndex: 'health', render: (v: string) => <StatusTag status={v} /> },
          { title: t('connections.lastTested'), dataIndex: 'lastTestedAt', render: (v: string | null) => formatTime(v) },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <Button size="small" icon={<ApiOutlined />} loading={testing === r.name} onClick={() => void test(r.name)} data-testid={`test-${r.name}`}>
                {t('connections.test')}
              </Button>
            ),
          },
        ]}
      />
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
          <div data-testid="test-result"><Tag color="red">{result.result.errorCode}</Tag> {result.result.message}</div>
        ))}
      </Modal>
    </Card>
  );
}
