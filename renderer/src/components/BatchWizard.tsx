import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Progress, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BridgeView, RunRecord } from '../../../shared/index.js';
import { SYNC_MODES } from '../../../shared/index.js';
import type { BatchCandidate } from '../../../shared/ops/batch.js';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { engineText, errorText } from '../i18n/engine.js';
import { useOp } from '../useOp.js';
import { StatusTag } from './StatusTag.js';
import { formatCount } from './format.js';

interface Options {
  connection: string;
  mode: (typeof SYNC_MODES)[number];
  cursor?: string;
  targetPrefix?: string;
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Bridges for many tables of one business database (批量创建): choose the connection and one mode, pick
 * tables (row counts, usable key; tables without one are listed with the reason), name the targets,
 * preview, create all or nothing, then run them all with one progress view.
 */
export function BatchWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Options>();
  const connections = useOp('connections/list', open ? {} : null, String(open));
  const mode = Form.useWatch('mode', form);
  const [step, setStep] = useState(0);
  const [options, setOptions] = useState<Options | null>(null);
  const [candidates, setCandidates] = useState<BatchCandidate[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<BridgeView[]>([]);
  const [runs, setRuns] = useState<Record<string, RunRecord>>({});

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ mode: 'full', targetPrefix: '' });
    setStep(0);
    setCandidates([]);
    setPicked([]);
    setTargets({});
    setCreated([]);
    setRuns({});
    setError(null);
  }, [open, form]);

  useEffect(() => subscribe('run.updated', (run) => {
    setRuns((all) => (Object.values(all).some((r) => r.id === run.id) ? { ...all, [run.bridgeName]: run } : all));
  }), []);

  // Events are the fast path; polling catches a run that finished before its start was recorded here.
  const waiting = Object.values(runs).filter((r) => !FINISHED.has(r.status)).map((r) => r.id).join(',');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      for (const id of waiting.split(',')) {
        void call('runs/get', { id }).then((run) => setRuns((all) => ({ ...all, [run.bridgeName]: run }))).catch(() => undefined);
      }
    }, 1500);
    return () => clearInterval(timer);
  }, [waiting]);

  const plan = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('bridges/plan-many', {
        connection: values.connection, mode: values.mode, targetPrefix: values.targetPrefix ?? '', ...(values.cursor ? { cursor: values.cursor } : {}),
      });
      setOptions(values);
      setCandidates(result.candidates);
      setPicked(result.candidates.filter((c) => c.usable).map((c) => c.table));
      setTargets(Object.fromEntries(result.candidates.map((c) => [c.table, c.targetTable])));
      setStep(1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const chosen = useMemo(() => candidates.filter((c) => c.usable && picked.includes(c.table)), [candidates, picked]);
  const unusable = candidates.filter((c) => !c.usable);

  const create = async () => {
    if (!options) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('bridges/add-many', {
        connection: options.connection, mode: options.mode, targetPrefix: options.targetPrefix ?? '', tables: chosen.map((c) => c.table),
        targetNames: Object.fromEntries(chosen.map((c) => [c.table, targets[c.table] ?? c.targetTable])),
        ...(options.cursor ? { cursor: options.cursor } : {}),
      });
      setCreated(result.created);
      message.success(t('batch.created', { n: result.created.length }));
      setStep(3);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const runAll = async () => {
    setBusy(true);
    setError(null);
    const started: Record<string, RunRecord> = {};
    for (const bridge of created) {
      try {
        started[bridge.name] = await call('bridges/run', { name: bridge.name });
      } catch (e) {
        setError(errorText(e));
      }
    }
    setRuns(started);
    setBusy(false);
  };

  const runList = Object.values(runs);
  const finished = runList.filter((r) => FINISHED.has(r.status));
  const ok = finished.filter((r) => r.status === 'succeeded').length;
  const shown = candidates.filter((c) => !filter || c.table.toLowerCase().includes(filter.toLowerCase()));

  const footer = [
    step > 0 && step < 3 && <Button key="back" onClick={() => setStep(step - 1)}>{t('common.back')}</Button>,
    step === 0 && <Button key="plan" type="primary" loading={busy} onClick={() => void plan()} data-testid="batch-plan">{t('common.next')}</Button>,
    step === 1 && <Button key="next" type="primary" disabled={chosen.length === 0} onClick={() => setStep(2)} data-testid="batch-next">{t('common.next')}</Button>,
    step === 2 && <Button key="create" type="primary" loading={busy} onClick={() => void create()} data-testid="batch-create">{t('batch.create', { n: chosen.length })}</Button>,
    step === 3 && <Button key="run" type="primary" loading={busy} disabled={runList.length > 0 && finished.length < runList.length} onClick={() => void runAll()} data-testid="batch-run-all">{t('batch.runAll')}</Button>,
    <Button key="close" onClick={onClose}>{t('common.close')}</Button>,
  ].filter(Boolean);

  return (
    <Modal open={open} width={1000} style={{ top: 24 }} title={t('batch.title')} onCancel={onClose} footer={footer} destroyOnHidden>
      <Steps size="small" current={step} style={{ marginBottom: 16 }}
        items={[{ title: t('batch.steps.options') }, { title: t('batch.steps.tables') }, { title: t('batch.steps.preview') }, { title: t('batch.steps.run') }]} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="batch-error" />}
      <div style={{ display: step === 0 ? 'block' : 'none' }}>
        <Form form={form} layout="vertical" requiredMark={false} style={{ maxWidth: 520 }}>
          <Form.Item name="connection" label={t('batch.connection')} rules={[{ required: true, message: t('common.required') }]}>
            <Select placeholder={t('batch.pickConnection')} data-testid="batch-connection"
              options={(connections.data ?? []).filter((c) => !c.isExchange).map((c) => ({ value: c.name, label: `${c.name} (${c.dialect})` }))} />
          </Form.Item>
          <Form.Item name="mode" label={t('batch.mode')}>
            <Select options={SYNC_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} data-testid="batch-mode" />
          </Form.Item>
          {mode === 'incremental' && (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('bridges.incrementalNote')} />
              <Form.Item name="cursor" label={t('batch.cursor')} rules={[{ required: true, message: t('common.required') }]}><Input placeholder="updated_at" /></Form.Item>
            </>
          )}
          <Form.Item name="targetPrefix" label={t('batch.targetPrefix')}><Input placeholder="ods_" data-testid="batch-prefix" /></Form.Item>
        </Form>
      </div>
      {step === 1 && (
        <>
          {unusable.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="batch-unusable" message={t('batch.noKeyHint', { n: unusable.length })}
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{unusable.map((c) => (
                <li key={c.table} data-testid={`unusable-${c.table}`}><strong>{c.table}</strong>：{c.reason ? engineText(c.reason) : ''}</li>
              ))}</ul>} />
          )}
          <Space style={{ marginBottom: 8 }}>
            <Input.Search allowClear placeholder={t('batch.filter')} onChange={(e) => setFilter(e.target.value)} style={{ width: 260 }} />
            <Typography.Text data-testid="batch-selected">{t('batch.selected', { n: chosen.length })}</Typography.Text>
          </Space>
          <Table<BatchCandidate> size="small" rowKey="table" pagination={false} scroll={{ y: 280 }} dataSource={shown}
            locale={{ emptyText: t('batch.none') }}
            rowSelection={{
              selectedRowKeys: picked, preserveSelectedRowKeys: true,
              onChange: (keys) => setPicked(keys.map(String)),
              getCheckboxProps: (c) => ({ disabled: !c.usable, 'data-testid': `pick-${c.table}` } as never),
            }}
            columns={[
              { title: t('batch.table'), dataIndex: 'table' },
              { title: t('batch.rows'), dataIndex: 'rowEstimate', align: 'right', width: 110, render: (v: number | null) => formatCount(v) },
              {
                title: t('batch.key'), width: 200,
                render: (_, c) => (c.usable ? <Tag color="green">{c.key.join(', ')}</Tag> : <Typography.Text type="danger">{c.reason ? engineText(c.reason) : ''}</Typography.Text>),
              },
              {
                title: t('batch.target'), width: 260,
                render: (_, c) => (c.usable ? <Input size="small" value={targets[c.table] ?? c.targetTable} onChange={(e) => setTargets((all) => ({ ...all, [c.table]: e.target.value }))} /> : '-'),
              },
            ]} />
        </>
      )}
      {step === 2 && (
        <>
          <Typography.Paragraph>{t('batch.preview', { n: chosen.length })}</Typography.Paragraph>
          <Table size="small" rowKey="table" pagination={false} scroll={{ y: 380 }} dataSource={chosen} data-testid="batch-preview"
            columns={[
              { title: t('batch.bridgeName'), dataIndex: 'bridgeName' },
              { title: t('batch.table'), dataIndex: 'table' },
              { title: t('batch.target'), render: (_, c: BatchCandidate) => targets[c.table] ?? c.targetTable },
              { title: t('bridges.mode'), render: () => t(`mode.${options?.mode ?? 'full'}`) },
              { title: t('batch.rows'), dataIndex: 'rowEstimate', align: 'right', render: (v: number | null) => formatCount(v) },
            ]} />
        </>
      )}
      {step === 3 && (
        <>
          <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('batch.created', { n: created.length })} />
          {runList.length > 0 && (
            <div style={{ marginBottom: 12 }} data-testid="batch-progress">
              <Progress percent={Math.round((finished.length / runList.length) * 100)} status={finished.length === runList.length && ok < runList.length ? 'exception' : undefined} />
              <Typography.Text data-testid="batch-done">{t('batch.done', { ok, failed: finished.length - ok })}</Typography.Text>
            </div>
          )}
          <Table<BridgeView> size="small" rowKey="name" pagination={false} scroll={{ y: 340 }} dataSource={created}
            columns={[
              { title: t('batch.bridgeName'), dataIndex: 'name' },
              { title: t('batch.target'), render: (_, b) => `${b.targetConnection}.${b.targetTable}` },
              { title: t('batch.status'), render: (_, b) => (runs[b.name] ? <StatusTag status={runs[b.name]!.status} testId={`batch-status-${b.name}`} /> : '-') },
              { title: t('run.total'), align: 'right', render: (_, b) => formatCount(runs[b.name]?.sender.total) },
            ]} />
        </>
      )}
    </Modal>
  );
}
