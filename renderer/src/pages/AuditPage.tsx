import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditRecordView } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { useOp } from '../useOp.js';

const PAGE = 50;

/** The auditor's page: search and filter the audit log, export it, verify its chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const list = useOp('audit/list', { ...filter, limit: PAGE, offset: (page - 1) * PAGE });
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string }>();

  const search = (v: AuditFilter) => {
    const clean = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as AuditFilter;
    setPage(1);
    setFilter(clean);
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await call('audit/export', { format, filter });
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const verify = async () => {
    try {
      const r = await call('audit/verify', {});
      setVerdict(r.ok ? { ok: true, text: t('audit.intact', { records: r.records }) } : { ok: false, text: t('audit.broken', { seq: r.firstBroken ?? '-', reason: r.reason ?? '' }) });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card
      title={t('audit.title')}
      extra={(
        <Space>
          <Button data-testid="audit-verify" onClick={() => void verify()}>{t('audit.verify')}</Button>
          <Button data-testid="audit-export-csv" onClick={() => void exportAs('csv')}>{t('audit.exportCsv')}</Button>
          <Button data-testid="audit-export-xlsx" onClick={() => void exportAs('xlsx')}>{t('audit.exportXlsx')}</Button>
        </Space>
      )}
    >
      {verdict && <Alert data-testid="audit-verdict" type={verdict.ok ? 'success' : 'error'} showIcon message={verdict.text} style={{ marginBottom: 12 }} />}
      <Form layout="inline" onFinish={search} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="actor" label={t('audit.actor')}><Input allowClear maxLength={64} style={{ width: 120 }} /></Form.Item>
        <Form.Item name="operation" label={t('audit.operation')}><Input allowClear maxLength={100} style={{ width: 160 }} data-testid="audit-operation" /></Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select allowClear style={{ width: 100 }} options={(['ok', 'denied', 'failed'] as const).map((o) => ({ value: o, label: t(`audit.${o}`) }))} />
        </Form.Item>
        <Form.Item name="from" label={t('audit.from')}><Input allowClear placeholder="2026-01-01" maxLength={40} style={{ width: 120 }} /></Form.Item>
        <Form.Item name="to" label={t('audit.to')}><Input allowClear placeholder="2026-12-31T23:59" maxLength={40} style={{ width: 140 }} /></Form.Item>
        <Form.Item name="text" label={t('audit.text')}><Input allowClear maxLength={200} style={{ width: 140 }} /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">{t('audit.search')}</Button>
      </Form>
      <Table<AuditRecordView>
        rowKey="seq" size="small" loading={list.loading} dataSource={list.data?.records ?? []} data-testid="audit-table"
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('audit.total', { total }) }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), render: (_v, r) => r.at.replace('T', ' ').slice(0, 19), width: 170 },
          { title: t('audit.actor'), dataIndex: 'actor' },
          { title: t('audit.shell'), dataIndex: 'shell' },
          { title: t('audit.address'), dataIndex: 'address' },
          { title: t('audit.operation'), dataIndex: 'operation' },
          { title: t('audit.target'), dataIndex: 'target' },
          { title: t('audit.outcome'), render: (_v, r) => <Tag color={r.outcome === 'ok' ? 'green' : r.outcome === 'denied' ? 'orange' : 'red'}>{t(`audit.${r.outcome}`)}</Tag> },
          { title: t('audit.detail'), render: (_v, r) => <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{r.detail === null ? '' : JSON.stringify(r.detail).slice(0, 300)}</code> },
        ]}
      />
    </Card>
  );
}
