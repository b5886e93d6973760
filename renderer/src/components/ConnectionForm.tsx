import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConnectionConfig, ConnectionView, Dialect, TestResult } from '../../../shared/index.js';
import { CAPABILITIES, PRESETS, connectionConfigSchema, parseOrThrow, resourceNameSchema } from '../../../shared/index.js';
import { schemaRule } from './schema-rule.js';
import { call } from '../api/client.js';
import { connectionErrorText, errorText, testMessage } from '../i18n/engine.js';

interface Props {
  open: boolean;
  /** The connection being edited; absent when adding one. */
  editing?: ConnectionView | undefined;
  onClose: (saved: boolean) => void;
}

type Values = Record<string, unknown> & { preset: string; name: string };

/** Add or edit a connection, with a Test button that shows the classified result before saving. */
export function ConnectionForm({ open, editing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const presetId = Form.useWatch('preset', form) as string | undefined;
  const preset = PRESETS.find((p) => p.id === presetId) ?? PRESETS[0]!;
  const dialect: Dialect = preset.dialect;

  useEffect(() => {
    if (!open) return;
    setResult(null);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({ ...editing.config, preset: editing.config.preset ?? editing.dialect });
    } else {
      form.setFieldsValue({ preset: 'mysql', timezone: 'Asia/Shanghai', connectTimeoutMs: 10000, queryTimeoutMs: 600000 } as Partial<Values>);
    }
  }, [open, editing, form]);

  // The form's fields are checked by the same schema the engine applies, with the same messages.
  const toConfig = (v: Values): ConnectionConfig => {
    const clean = Object.fromEntries(Object.entries(v).filter(([, value]) => value !== undefined && value !== ''));
    return parseOrThrow(connectionConfigSchema, { ...clean, dialect, preset: preset.id }, 'connection');
  };

  const test = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      setResult(await call('connections/test', { config: toConfig(values) }));
    } catch (error) {
      setResult({ ok: false, message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      // The engine tests a connection it saves: report a failed test, the connection is saved all the same.
      const view = await call('connections/save', { config: toConfig(values), replace: Boolean(editing) });
      if (view.health === 'failed') message.warning(`${t('connections.savedTestFailed')}${connectionErrorText(view)}`, 8);
      else message.success(view.health === 'ok' ? t('connections.savedTestOk') : t('connections.saved'));
      onClose(true);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const capabilities = CAPABILITIES[dialect];
  const server = !capabilities.fileBased;
  return (
    <Modal open={open} width={720} title={editing ? `${t('connections.edit')} · ${editing.name}` : t('connections.add')} onCancel={() => onClose(false)}
      footer={<Space><Button onClick={() => void test()} loading={busy} data-testid="form-test">{t('connections.test')}</Button><Button type="primary" onClick={() => void save()} loading={busy} data-testid="form-save">{t('common.save')}</Button></Space>}>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="name" label={t('common.name')} rules={[{ required: true, message: t('common.required') }, schemaRule(resourceNameSchema)]}><Input disabled={Boolean(editing)} data-testid="conn-name" /></Form.Item></Col>
          <Col span={12}>
            <Form.Item name="preset" label={t('connections.preset')}>
              <Select showSearch optionFilterProp="label" data-testid="conn-preset" options={PRESETS.map((p) => ({ value: p.id, label: p.label }))}
                onChange={(id: string) => form.setFieldValue('port', PRESETS.find((p) => p.id === id)?.defaultPort ?? undefined)} />
            </Form.Item>
          </Col>
        </Row>
        {server && (
          <Row gutter={12}>
            <Col span={16}><Form.Item name="host" label={t('connections.host')} rules={[{ required: dialect !== 'oracle' }]}><Input data-testid="conn-host" /></Form.Item></Col>
            <Col span={8}><Form.Item name="port" label={t('connections.port')}><InputNumber min={1} max={65535} style={{ width: '100%' }} placeholder={String(preset.defaultPort ?? '')} /></Form.Item></Col>
          </Row>
        )}
        {server && dialect !== 'oracle' && <Form.Item name="database" label={t('connections.databaseName')} rules={[{ required: true }]}><Input data-testid="conn-database" /></Form.Item>}
        {dialect === 'oracle' && (
          <Row gutter={12}>
            <Col span={12}><Form.Item name="serviceName" label={t('connections.serviceName')}><Input /></Form.Item></Col>
            <Col span={12}><Form.Item name="sid" label={t('connections.sid')}><Input /></Form.Item></Col>
          </Row>
        )}
        {server && (
          <Row gutter={12}>
            <Col span={8}><Form.Item name="user" label={t('connections.user')} rules={[{ required: true }]}><Input data-testid="conn-user" autoComplete="off" /></Form.Item></Col>
            <Col span={8}><Form.Item name="password" label={t('connections.password')} extra={editing?.hasPassword ? t('connections.passwordKeep') : undefined}><Input.Password autoComplete="new-password" /></Form.Item></Col>
            <Col span={8}><Form.Item name="passwordEnv" label={t('connections.passwordEnv')}><Input placeholder="DB_PASSWORD" /></Form.Item></Col>
          </Row>
        )}
        {capabilities.supportsSchemas && <Form.Item name="schema" label={t('connections.schema')}><Input /></Form.Item>}
        {dialect === 'mssql' && (
          <Row gutter={12}>
            <Col span={12}><Form.Item name="instanceName" label={t('connections.instanceName')}><Input /></Form.Item></Col>
            <Col span={6}><Form.Item name="encrypt" label={t('connections.encrypt')} valuePropName="checked" initialValue={true}><Switch /></Form.Item></Col>
            <Col span={6}><Form.Item name="trustServerCertificate" label={t('connections.trustCert')} valuePropName="checked"><Switch /></Form.Item></Col>
          </Row>
        )}
        {capabilities.fileBased && <Form.Item name="filename" label={t('connections.filename')} rules={[{ required: true }]}><Input data-testid="conn-filename" /></Form.Item>}
        <Row gutter={12}>
          <Col span={8}><Form.Item name="timezone" label={t('connections.timezone')}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name="connectTimeoutMs" label={t('connections.connectTimeout')}><InputNumber min={500} max={120000} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="queryTimeoutMs" label={t('connections.queryTimeout')} tooltip={t('connections.queryTimeoutHelp')}><InputNumber min={1000} max={86400000} step={60000} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item name="description" label={t('connections.description')}><Input /></Form.Item>
      </Form>
      {result && (result.ok
        ? <Alert type="success" showIcon data-testid="form-test-result" message={`${t('connections.testOk')}: ${result.product ?? ''} ${result.version ?? ''} · ${result.latencyMs ?? '-'} ms · ${result.currentUser ?? ''}@${result.currentDatabase ?? ''}`} />
        : <Alert type="error" showIcon data-testid="form-test-result" message={`${t('connections.testFailed')}${result.errorCode ? ` [${result.errorCode}]` : ''}`} description={testMessage(result)} />)}
    </Modal>
  );
}
