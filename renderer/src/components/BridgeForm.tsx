import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BridgeConfigInput, BridgeView, Column, ColumnMapping, FilterCondition } from '../../../shared/index.js';
import { filterOperators, resourceNameSchema, SYNC_MODES, tableLabel } from '../../../shared/index.js';
import { schemaRule } from './schema-rule.js';
import { call } from '../api/client.js';
import { useOp } from '../useOp.js';
import { errorText } from '../i18n/engine.js';
import { ScheduleEditor, type ScheduleEditorHandle } from './ScheduleEditor.js';

interface ColumnChoice {
  name: string;
  include: boolean;
  target: string;
  mask: '' | 'idcard' | 'phone' | 'name' | 'hash' | 'sm3' | 'null';
}

interface Props {
  open: boolean;
  editing?: BridgeView | undefined;
  onClose: (saved: boolean) => void;
}

type Values = {
  name: string; description?: string; direction: 'send' | 'receive'; sourceConnection: string;
  sourceKind: 'table' | 'query'; sourceTable?: string; sourceQuery?: string;
  mode: (typeof SYNC_MODES)[number]; cursor?: string[]; lookbackSeconds?: number; primaryKey?: string[];
  targetConnection?: string; targetTable?: string; batchSize: number; rowsPerSecond?: number; enabled: boolean;
  filter?: { column: string; op: FilterCondition['op']; value?: string }[];
};

/** Create or edit a bridge: source, target, mode, mapping, masking, filter, with a live preview. */
export function BridgeForm({ open, editing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const schedule = useRef<ScheduleEditorHandle>(null);
  const connections = useOp('connections/list', {}, String(open));
  const sourceConnection = Form.useWatch('sourceConnection', form);
  const sourceTable = Form.useWatch('sourceTable', form);
  const sourceKind = Form.useWatch('sourceKind', form) ?? 'table';
  const sourceQuery = Form.useWatch('sourceQuery', form);
  // The query is described when the technician asks (the button), not on every keystroke.
  const [describedQuery, setDescribedQuery] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form);
  const tables = useOp('connections/tables', sourceConnection ? { name: sourceConnection } : null);
  // Shown in the form, not as a toast: the describe is repeated when the table list arrives.
  const [describeError, setDescribeError] = useState<string | null>(null);
  const [columns, setColumns] = useState<Column[]>([]);
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [preview, setPreview] = useState<{ columns: Column[]; rows: unknown[][]; sourceRows: number; warnings: string[] } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setPreview(null);
    setPreviewError(null);
    const c = editing?.config;
    form.setFieldsValue(c ? {
      name: c.name, description: c.description, direction: c.direction, sourceConnection: c.source.connection,
      sourceKind: c.source.query !== undefined ? 'query' : 'table', sourceQuery: c.source.query,
      sourceTable: c.source.table !== undefined ? tableLabel({ ...(c.source.schema ? { schema: c.source.schema } : {}), name: c.source.table }) : undefined,
      mode: c.mode, cursor: c.cursor, lookbackSeconds: c.lookbackSeconds, primaryKey: c.primaryKey, targetConnection: c.target.connection,
      targetTable: c.target.table, batchSize: c.batchSize, rowsPerSecond: c.rowsPerSecond, enabled: c.enabled,
      filter: c.filter?.map((f) => ({ column: f.column, op: f.op, value: f.value === undefined ? undefined : Array.isArray(f.value) ? f.value.join(',') : String(f.value) })),
    } : { direction: 'send', sourceKind: 'table', mode: 'full', batchSize: 5000, enabled: true, lookbackSeconds: 0 });
    setDescribedQuery(c?.source.query ?? null);
  }, [open, editing, form]);

  useEffect(() => {
    const picked = sourceTable ? tableRefOf(sourceTable) : null;
    const what = sourceKind === 'query' ? (describedQuery ? { query: describedQuery } : null) : picked;
    if (!sourceConnection || !what) return;
    let live = true;
    call('connections/describe', { name: sourceConnection, ...what }).then((d) => {
      if (!live) return;
      setDescribeError(null);
      setColumns(d.columns);
      const same = sourceKind === 'query' ? editing?.config.source.query === describedQuery : editing?.config.source.table === picked?.table;
      const mapped = same ? editing?.config.columns : undefined;
      const excluded = new Set(editing?.config.exclude ?? []);
      setChoices(d.columns.map((col) => {
        const m = mapped?.find((x) => x.source === col.name);
        const mask = m?.mask ? (m.mask.kind === 'hash' && m.mask.algorithm === 'sm3' ? 'sm3' : m.mask.kind) : '';
        return { name: col.name, include: mapped ? Boolean(m) : !excluded.has(col.name), target: m?.target ?? col.name, mask };
      }));
    }).catch((e: unknown) => live && setDescribeError(errorText(e)));
    return () => {
      live = false;
    };
  }, [sourceConnection, sourceKind, sourceTable, describedQuery, editing, tables.data]);

  /** The table behind a `schema.table` label of the table list (a table name may itself contain dots). */
  const tableRefOf = (label: string): { schema?: string; table: string } => {
    const found = (tables.data ?? []).find((x) => tableLabel(x) === label);
    return found ? { ...(found.schema ? { schema: found.schema } : {}), table: found.name } : { table: label };
  };

  const toConfig = (v: Values): BridgeConfigInput => {
    const custom = choices.some((c) => c.mask !== '' || c.target !== c.name);
    const mapping: ColumnMapping[] | undefined = custom ? choices.filter((c) => c.include).map((c) => ({
      source: c.name,
      ...(c.target !== c.name ? { target: c.target } : {}),
      ...(c.mask ? { mask: c.mask === 'sm3' ? { kind: 'hash' as const, algorithm: 'sm3' as const } : { kind: c.mask, algorithm: 'sha256' as const } } : {}),
    })) : undefined;
    const exclude = !custom ? choices.filter((c) => !c.include).map((c) => c.name) : [];
    const filter = (v.filter ?? []).filter((f) => f.column && f.op).map((f): FilterCondition => {
      if (f.op === 'is null' || f.op === 'is not null') return { column: f.column, op: f.op };
      const raw = f.value ?? '';
      return f.op === 'in' || f.op === 'not in' ? { column: f.column, op: f.op, value: raw.split(',').map((x) => x.trim()) } : { column: f.column, op: f.op, value: raw };
    });
    return {
      name: v.name, direction: v.direction, mode: v.mode, batchSize: v.batchSize, enabled: v.enabled,
      source: v.sourceKind === 'query' ? { connection: v.sourceConnection, query: v.sourceQuery ?? '' } : { connection: v.sourceConnection, ...tableRefOf(v.sourceTable ?? '') },
      target: { ...(v.targetConnection ? { connection: v.targetConnection } : {}), ...(v.targetTable ? { table: v.targetTable } : {}) },
      ...(v.description ? { description: v.description } : {}),
      ...(v.mode === 'incremental' && v.cursor?.length ? { cursor: v.cursor, lookbackSeconds: v.lookbackSeconds ?? 0 } : {}),
      ...(v.primaryKey?.length ? { primaryKey: v.primaryKey } : {}),
      ...(v.rowsPerSecond ? { rowsPerSecond: v.rowsPerSecond } : {}),
      ...(mapping ? { columns: mapping } : {}),
      ...(exclude.length ? { exclude } : {}),
      ...(filter.length ? { filter } : {}),
    };
  };

  const runPreview = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setPreviewError(null);
    try {
      setPreview(await call('bridges/preview', { config: toConfig(v) as never, limit: 20 }));
    } catch (error) {
      setPreview(null);
      setPreviewError(errorText(error));
    }
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await call('bridges/save', { config: toConfig(v), replace: Boolean(editing) });
      await schedule.current?.save(v.name);
      message.success(t('bridges.saved'));
      onClose(true);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const connectionOptions = (connections.data ?? []).map((c) => ({ value: c.name, label: `${c.name} (${c.dialect})` }));
  const columnOptions = useMemo(() => columns.map((c) => ({ value: c.name, label: `${c.name} · ${c.type}` })), [columns]);
  const maskOptions = [
    { value: '', label: t('bridges.noMask') },
    ...(['idcard', 'phone', 'name', 'hash', 'sm3', 'null'] as const).map((k) => ({ value: k, label: t(`bridges.maskKinds.${k}`) })),
  ];
  const setChoice = (name: string, patch: Partial<ColumnChoice>) => setChoices((all) => all.map((c) => (c.name === name ? { ...c, ...patch } : c)));

  return (
    <Modal open={open} width={980} title={editing ? `${t('bridges.edit')} · ${editing.name}` : t('bridges.add')} onCancel={() => onClose(false)}
      footer={<Space><Button onClick={() => void runPreview()} data-testid="bridge-preview">{t('bridges.preview')}</Button><Button type="primary" loading={busy} onClick={() => void save()} data-testid="bridge-save">{t('common.save')}</Button></Space>}>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="name" label={t('common.name')} rules={[{ required: true, message: t('common.required') }, schemaRule(resourceNameSchema)]}><Input disabled={Boolean(editing)} data-testid="bridge-name" /></Form.Item></Col>
          <Col span={10}><Form.Item name="description" label={t('connections.description')}><Input /></Form.Item></Col>
          <Col span={6}><Form.Item name="enabled" label={t('bridges.enabled')} valuePropName="checked"><Switch /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}><Form.Item name="direction" label={t('bridges.direction')}><Select options={[{ value: 'send', label: t('direction.send') }, { value: 'receive', label: t('direction.receive') }]} /></Form.Item></Col>
          <Col span={9}><Form.Item name="sourceConnection" label={t('bridges.sourceConnection')} rules={[{ required: true }]}><Select options={connectionOptions} data-testid="bridge-source" /></Form.Item></Col>
          <Col span={9}>
            {sourceKind === 'table'
              ? <Form.Item name="sourceTable" label={t('bridges.sourceTable')} rules={[{ required: true }]}><Select showSearch options={(tables.data ?? []).map((x) => ({ value: tableLabel(x), label: tableLabel(x) }))} data-testid="bridge-table" /></Form.Item>
              : <Form.Item label={t('bridges.sourceQuery')}><Button onClick={() => setDescribedQuery(sourceQuery?.trim() || null)} disabled={!sourceQuery?.trim()} data-testid="bridge-describe-query">{t('bridges.describeQuery')}</Button></Form.Item>}
          </Col>
        </Row>
        <Form.Item name="sourceKind" label={t('bridges.sourceKind')}>
          <Radio.Group optionType="button" options={[{ value: 'table', label: t('bridges.sourceKindTable') }, { value: 'query', label: t('bridges.sourceKindQuery') }]} data-testid="bridge-source-kind" />
        </Form.Item>
        {sourceKind === 'query' && (
          <Form.Item name="sourceQuery" rules={[{ required: true }]} extra={t('bridges.sourceQueryHelp')}>
            <Input.TextArea rows={4} spellCheck={false} style={{ fontFamily: 'monospace' }} placeholder="SELECT id, ... FROM ... WHERE ..." data-testid="bridge-query" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={6}><Form.Item name="mode" label={t('bridges.mode')}><Select options={SYNC_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} data-testid="bridge-mode" /></Form.Item></Col>
          <Col span={9}><Form.Item name="targetConnection" label={t('bridges.targetConnection')}><Select allowClear placeholder={t('bridges.exchangeDefault')} options={connectionOptions} /></Form.Item></Col>
          <Col span={9}><Form.Item name="targetTable" label={t('bridges.targetTable')}><Input placeholder={sourceKind === 'table' ? sourceTable : ''} data-testid="bridge-target-table" /></Form.Item></Col>
        </Row>
        {mode === 'incremental' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('bridges.incrementalNote')} data-testid="incremental-note" />}
        {mode === 'incremental' && (
          <Row gutter={12}>
            <Col span={12}><Form.Item name="cursor" label={t('bridges.cursor')} rules={[{ required: true }]}><Select mode="multiple" options={columnOptions} /></Form.Item></Col>
            <Col span={12}><Form.Item name="lookbackSeconds" label={t('bridges.lookback')}><InputNumber min={0} max={86400} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}><Form.Item name="primaryKey" label={t('bridges.primaryKey')} rules={sourceKind === 'query' ? [{ required: true }] : []}><Select mode="multiple" allowClear options={columnOptions} data-testid="bridge-primary-key" /></Form.Item></Col>
          <Col span={6}><Form.Item name="batchSize" label={t('bridges.batchSize')}><InputNumber min={1} max={100000} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="rowsPerSecond" label={t('bridges.rowsPerSecond')}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Divider titlePlacement="start" plain>{t('bridges.filter')}</Divider>
        <Form.List name="filter">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'column']} rules={[{ required: true }]}><Select style={{ width: 200 }} options={columnOptions} /></Form.Item>
                  <Form.Item name={[field.name, 'op']} rules={[{ required: true }]}><Select style={{ width: 120 }} options={filterOperators.map((o) => ({ value: o, label: o }))} /></Form.Item>
                  <Form.Item name={[field.name, 'value']}><Input style={{ width: 240 }} placeholder={t('bridges.value')} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ op: '=' })}>{t('bridges.addFilter')}</Button>
            </>
          )}
        </Form.List>
      </Form>
      {choices.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>{t('bridges.columns')}</Divider>
          <Table<ColumnChoice> size="small" rowKey="name" pagination={false} scroll={{ y: 240 }} dataSource={choices}
            columns={[
              { title: t('bridges.include'), width: 70, render: (_, c) => <Checkbox checked={c.include} onChange={(e) => setChoice(c.name, { include: e.target.checked })} /> },
              { title: t('common.name'), dataIndex: 'name', render: (v: string) => <span>{v} <Typography.Text type="secondary">{columns.find((c) => c.name === v)?.type}</Typography.Text></span> },
              { title: t('bridges.targetName'), render: (_, c) => <Input size="small" value={c.target} onChange={(e) => setChoice(c.name, { target: e.target.value })} /> },
              { title: t('bridges.mask'), width: 180, render: (_, c) => <Select size="small" style={{ width: 160 }} value={c.mask} options={maskOptions} onChange={(mask) => setChoice(c.name, { mask })} data-testid={`mask-${c.name}`} /> },
            ]} />
        </>
      )}
      {describeError && <Alert type="error" showIcon message={`${t('bridges.describeFailed')}${describeError}`} style={{ marginTop: 12 }} data-testid="describe-error" />}
      <ScheduleEditor ref={schedule} bridge={editing?.name} open={open} />
      {previewError && <Alert type="error" showIcon message={previewError} style={{ marginTop: 12 }} />}
      {preview && (
        <>
          <Divider titlePlacement="start" plain>{t('bridges.preview')}</Divider>
          {preview.warnings.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('bridges.targetWarnings')} data-testid="preview-warnings"
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{preview.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />
          )}
          <Typography.Paragraph type="secondary">{t('bridges.previewHint')} ({preview.sourceRows.toLocaleString('en-US')})</Typography.Paragraph>
          <Table size="small" pagination={false} scroll={{ x: true, y: 260 }} rowKey={(_, i) => String(i)} data-testid="preview-table"
            dataSource={preview.rows.map((r) => Object.fromEntries(preview.columns.map((c, i) => [c.name, r[i] === null ? 'NULL' : String(r[i])])))}
            columns={preview.columns.map((c) => ({ title: c.name, dataIndex: c.name, ellipsis: true, width: 160 }))} />
        </>
      )}
    </Modal>
  );
}
