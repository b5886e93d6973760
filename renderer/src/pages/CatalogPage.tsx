import { useMemo, useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry, CatalogView } from '../../../shared/catalog.js';
import { RESOURCE_TYPE_LABELS, SHARE_TYPE_LABELS, UPDATE_CYCLE_LABELS } from '../../../shared/catalog.js';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { useOp } from '../useOp.js';
import { CatalogForm } from '../components/CatalogForm.js';
import { CatalogImport } from '../components/CatalogImport.js';
import { downloadFile } from '../components/download.js';

type Filters = { search?: string; type?: CatalogEntry['classification']['type']; shareType?: CatalogEntry['share']['type']; updateCycle?: CatalogEntry['updateCycle']; needsReview?: boolean };

/** 资源目录: the entries of the national guideline for this node's exchange tables, searched, edited, exported and imported. */
export function CatalogPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const input = useMemo(() => Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as Filters, [filters]);
  const list = useOp('catalog/list', input);
  const [editing, setEditing] = useState<{ entry?: CatalogEntry } | undefined>();
  const labels = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

  const exportAs = async (format: 'xlsx' | 'json') => {
    try {
      const out = await call('catalog/export', { format });
      downloadFile(out.filename, out.data, format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json', format === 'xlsx');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const remove = async (code: string) => {
    try {
      await call('catalog/delete', { code });
      message.success(t('catalog.deleted'));
      list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card title={t('catalog.title')} extra={(
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="catalog-add">{t('catalog.add')}</Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} data-testid="catalog-export-xlsx">{t('catalog.exportXlsx')}</Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('json')}>{t('catalog.exportJson')}</Button>
        <CatalogImport onImported={list.reload} />
      </Space>
    )}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('catalog.search')} style={{ width: 300 }} onSearch={(search) => setFilters((f) => ({ ...f, search }))} data-testid="catalog-search" />
        <Select allowClear style={{ width: 160 }} placeholder={t('catalog.allTypes')} options={labels(RESOURCE_TYPE_LABELS)} onChange={(type?: Filters['type']) => setFilters((f) => ({ ...f, type }))} />
        <Select allowClear style={{ width: 160 }} placeholder={t('catalog.allShare')} options={labels(SHARE_TYPE_LABELS)} onChange={(shareType?: Filters['shareType']) => setFilters((f) => ({ ...f, shareType }))} />
        <Select allowClear style={{ width: 160 }} placeholder={t('catalog.allCycles')} options={labels(UPDATE_CYCLE_LABELS)} onChange={(updateCycle?: Filters['updateCycle']) => setFilters((f) => ({ ...f, updateCycle }))} />
        <Space><Switch size="small" onChange={(on) => setFilters((f) => ({ ...f, needsReview: on ? true : undefined }))} />{t('catalog.onlyReview')}</Space>
      </Space>
      {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
      <Table<CatalogView>
        rowKey={(v) => v.entry.code}
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        data-testid="catalog-table"
        columns={[
          { title: t('catalog.col.code'), render: (_, v) => <Space>{v.entry.code}{v.needsReview && <Tooltip title={`${t('catalog.needsReview')}: ${v.driftChanges.join('; ')}`}><WarningOutlined style={{ color: '#d48806' }} /></Tooltip>}</Space> },
          { title: t('catalog.col.name'), render: (_, v) => v.entry.name },
          { title: t('catalog.col.type'), render: (_, v) => RESOURCE_TYPE_LABELS[v.entry.classification.type] },
          { title: t('catalog.col.provider'), render: (_, v) => v.entry.provider },
          { title: t('catalog.col.share'), render: (_, v) => <Tag>{SHARE_TYPE_LABELS[v.entry.share.type]}</Tag> },
          { title: t('catalog.col.cycle'), render: (_, v) => UPDATE_CYCLE_LABELS[v.entry.updateCycle] },
          { title: t('catalog.col.bridge'), render: (_, v) => v.entry.bridge },
          {
            title: t('catalog.col.actions'),
            render: (_, v) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ entry: v.entry })}>{t('catalog.edit')}</Button>
                <Popconfirm title={t('catalog.confirmDelete')} onConfirm={() => void remove(v.entry.code)}><Button size="small" danger>{t('common.delete', '删除')}</Button></Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <CatalogForm open={editing !== undefined} entry={editing?.entry} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); list.reload(); }} />
    </Card>
  );
}
