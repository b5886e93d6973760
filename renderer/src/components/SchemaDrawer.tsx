import { useState } from 'react';
import { App, Button, Drawer, Empty, List, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Column, DriftChange, TableSummary } from '../../../shared/index.js';
import { tableLabel } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { useOp } from '../useOp.js';
import { formatCount, formatTime } from './format.js';
import { errorText } from '../i18n/engine.js';

/** Schema browser of one connection: its tables and columns, and the history of schema changes (R1). */
export function SchemaDrawer({ name, onClose }: { name: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [table, setTable] = useState<TableSummary | null>(null);
  const [columns, setColumns] = useState<Column[] | null>(null);
  const tables = useOp('connections/tables', name ? { name } : null);
  const drift = useOp('connections/drift', name ? { name } : null);

  const open = async (t2: TableSummary) => {
    setTable(t2);
    setColumns(null);
    try {
      setColumns((await call('connections/describe', { name: name!, table: t2.name, ...(t2.schema ? { schema: t2.schema } : {}) })).columns);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const snapshot = async () => {
    try {
      const r = await call('connections/snapshot', { name: name! });
      message.info(r.first ? t('connections.snapshotFirst') : r.changes.length === 0 ? t('connections.noDrift') : `${t('connections.changes')}: ${r.changes.length}`);
      drift.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Drawer open={name !== null} width={900} title={`${t('connections.browse')} · ${name ?? ''}`} onClose={() => { setTable(null); onClose(); }}
      extra={<Button onClick={() => void snapshot()} data-testid="snapshot">{t('connections.snapshot')}</Button>}>
      <Tabs items={[
        {
          key: 'tables', label: t('connections.tables'),
          children: (
            <Space align="start" size={16} style={{ width: '100%' }}>
              <List size="small" bordered style={{ width: 260, maxHeight: 600, overflow: 'auto' }} loading={tables.loading} dataSource={tables.data ?? []}
                renderItem={(item) => (
                  <List.Item onClick={() => void open(item)} style={{ cursor: 'pointer', background: table && tableLabel(table) === tableLabel(item) ? '#e6f4f8' : undefined }}>
                    <Space><Tag>{item.kind === 'view' ? t('connections.view') : t('connections.table')}</Tag>{item.name}</Space>
                    <Typography.Text type="secondary">{formatCount(item.rowEstimate)}</Typography.Text>
                  </List.Item>
                )} />
              <div style={{ flex: 1, minWidth: 520 }}>
                {table ? (
                  <Table<Column> size="small" rowKey="name" loading={columns === null} dataSource={columns ?? []} pagination={false}
                    columns={[
                      { title: t('common.name'), dataIndex: 'name', render: (v: string, c) => <Space>{v}{c.primaryKey && <Tag color="gold">{t('connections.key')}</Tag>}</Space> },
                      { title: t('connections.nativeType'), dataIndex: 'nativeType' },
                      { title: t('connections.canonicalType'), render: (_, c) => `${c.type}${c.length ? `(${c.length})` : c.precision !== undefined ? `(${c.precision},${c.scale ?? 0})` : ''}` },
                      { title: t('connections.nullable'), dataIndex: 'nullable', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
                    ]} />
                ) : <Empty />}
              </div>
            </Space>
          ),
        },
        {
          key: 'drift', label: t('connections.drift'),
          children: (
            <List loading={drift.loading} dataSource={drift.data ?? []} locale={{ emptyText: t('connections.noDrift') }}
              renderItem={(event) => (
                <List.Item>
                  <List.Item.Meta title={formatTime(event.takenAt)} description={
                    <Space direction="vertical" size={2}>
                      {event.changes.map((c: DriftChange, i: number) => (
                        <span key={i}><Tag color={c.kind.endsWith('dropped') ? 'red' : c.kind.endsWith('added') ? 'green' : 'orange'}>{c.kind}</Tag>{c.table}{c.column ? `.${c.column}` : ''} {c.detail ?? ''}</span>
                      ))}
                    </Space>
                  } />
                </List.Item>
              )} />
          ),
        },
      ]} />
    </Drawer>
  );
}
