import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelKind, ChannelView } from '../../../../shared/index.js';
import { CHANNEL_KINDS } from '../../../../shared/index.js';
import { call } from '../../api/client.js';
import { engineText, errorText } from '../../i18n/engine.js';
import { useOp } from '../../useOp.js';
import { formatTime } from '../format.js';

interface FormValues {
  name: string; kind: ChannelKind; url?: string; secret?: string; minSeverity: 'critical' | 'warning' | 'info'; enabled: boolean;
  host?: string; port?: number; user?: string; from?: string; to?: string;
}

/** Notification channels (settings of the alert centre): add, change, send a test; secrets are write-only. */
export function ChannelsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const channels = useOp('alerts/channels', {});
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'webhook';
  const [editing, setEditing] = useState<ChannelView | null>(null);

  const save = async (v: FormValues) => {
    const config = v.kind === 'email'
      ? { kind: 'email' as const, host: v.host ?? '', port: v.port ?? 465, secure: (v.port ?? 465) === 465, ...(v.user ? { user: v.user } : {}), from: v.from ?? '', to: (v.to ?? '').split(/[,，;\s]+/).filter(Boolean) }
      : { kind: v.kind, url: v.url ?? '' };
    try {
      await call('alerts/channels/save', { name: v.name, config, enabled: v.enabled, minSeverity: v.minSeverity, ...(v.secret ? { secret: v.secret } : {}) });
      form.resetFields();
      setEditing(null);
      channels.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const test = async (name: string) => {
    try {
      const r = await call('alerts/channels/test', { name });
      if (r.ok) message.success(t('monitor.channels.testOk', { n: r.attempts }));
      else message.error(t('monitor.channels.testFailed', { error: r.errorMessage ? engineText(r.errorMessage) : r.error ?? '' }));
    } catch (error) {
      message.error(errorText(error));
    }
    channels.reload();
  };
  const remove = async (name: string) => {
    try {
      await call('alerts/channels/delete', { name });
      channels.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const edit = (c: ChannelView) => {
    setEditing(c);
    const base = { name: c.name, kind: c.config.kind, minSeverity: c.minSeverity, enabled: c.enabled };
    form.setFieldsValue(c.config.kind === 'email'
      ? { ...base, host: c.config.host, port: c.config.port, user: c.config.user, from: c.config.from, to: c.config.to.join(', ') }
      : { ...base, url: c.config.url });
  };

  return (
    <Card title={t('monitor.channels.title')}>
      <Table<ChannelView> size="small" rowKey="id" pagination={false} loading={channels.loading} dataSource={channels.data ?? []} columns={[
        { title: t('monitor.channels.name'), dataIndex: 'name' },
        { title: t('monitor.channels.kind'), render: (_, c) => t(`monitor.channels.kinds.${c.config.kind}`) },
        { title: t('monitor.channels.minSeverity'), dataIndex: 'minSeverity', render: (v: string) => t(`monitor.alerts.severities.${v}`) },
        { title: t('monitor.channels.lastSent'), dataIndex: 'lastSentAt', render: (v: string | null) => formatTime(v) },
        { title: t('monitor.channels.lastError'), dataIndex: 'lastError', render: (v: string | null, c) => v ? <Tag color="red" title={formatTime(c.lastErrorAt)}>{c.lastErrorMessage ? engineText(c.lastErrorMessage) : v}</Tag> : '-' },
        { title: '', render: (_, c) => (
          <Space>
            <Button size="small" onClick={() => void test(c.name)} data-testid={`channel-test-${c.name}`}>{t('monitor.channels.test')}</Button>
            <Button size="small" onClick={() => edit(c)}>{t('common.edit', { defaultValue: '编辑' })}</Button>
            <Button size="small" danger onClick={() => void remove(c.name)}>{t('monitor.channels.remove')}</Button>
          </Space>
        ) },
      ]} />
      <Form<FormValues> form={form} layout="inline" style={{ marginTop: 16, rowGap: 8 }} initialValues={{ kind: 'webhook', minSeverity: 'warning', enabled: true }} onFinish={(v) => void save(v)}>
        <Form.Item name="name" label={t('monitor.channels.name')} rules={[{ required: true }]}><Input style={{ width: 140 }} disabled={editing !== null} /></Form.Item>
        <Form.Item name="kind" label={t('monitor.channels.kind')}>
          <Select style={{ width: 200 }} options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`monitor.channels.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'email' ? (
          <>
            <Form.Item name="host" label={t('monitor.channels.host')} rules={[{ required: true }]}><Input style={{ width: 180 }} /></Form.Item>
            <Form.Item name="port" label={t('monitor.channels.port')}><InputNumber min={1} max={65535} placeholder="465" /></Form.Item>
            <Form.Item name="user" label={t('monitor.channels.user')}><Input style={{ width: 160 }} /></Form.Item>
            <Form.Item name="from" label={t('monitor.channels.from')} rules={[{ required: true }]}><Input style={{ width: 200 }} /></Form.Item>
            <Form.Item name="to" label={t('monitor.channels.to')} rules={[{ required: true }]}><Input style={{ width: 260 }} /></Form.Item>
          </>
        ) : (
          <Form.Item name="url" label={t('monitor.channels.url')} rules={[{ required: true }]}><Input style={{ width: 360 }} placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" /></Form.Item>
        )}
        {(kind === 'email' || kind === 'dingtalk') && (
          <Form.Item name="secret" label={t('monitor.channels.secret')}>
            <Input.Password style={{ width: 200 }} autoComplete="new-password" placeholder={editing?.hasSecret ? t('monitor.channels.secretKept') : ''} />
          </Form.Item>
        )}
        <Form.Item name="minSeverity" label={t('monitor.channels.minSeverity')}>
          <Select style={{ width: 100 }} options={(['critical', 'warning', 'info'] as const).map((s) => ({ value: s, label: t(`monitor.alerts.severities.${s}`) }))} />
        </Form.Item>
        <Form.Item name="enabled" label={t('monitor.channels.enabled')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">{editing ? t('monitor.channels.save') : t('monitor.channels.add')}</Button></Form.Item>
      </Form>
    </Card>
  );
}
