import { useEffect } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeSettings } from '../../../shared/index.js';
import { nodeSettingsSchema } from '../../../shared/index.js';
import { schemaRule } from '../components/schema-rule.js';
import { call } from '../api/client.js';
import { useOp } from '../useOp.js';
import { errorText } from '../i18n/engine.js';
import { ConfigTransfer } from '../components/ConfigTransfer.js';
import { DiagnosticsCard } from '../components/desktop/DiagnosticsCard.js';
import { SqliteDirsCard } from '../components/SqliteDirsCard.js';
import { useSession } from '../auth/session.js';
import { rolesAllow } from '../../../shared/index.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useOp('settings/get', {});
  const { user } = useSession();
  const exchange = useOp('exchange/get', {});
  const [form] = Form.useForm<NodeSettings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (values: NodeSettings) => {
    try {
      await call('settings/set', values);
      message.success(t('settings.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card title={t('settings.title')} loading={settings.loading} extra={<ConfigTransfer />}>
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('settings.exchangeDb')}>{exchange.data ? `${exchange.data.name} (${exchange.data.summary})` : '-'}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={(v) => void save(v)}>
        <Form.Item name="columnPrefix" label={t('settings.prefix')} rules={[{ required: true, message: t('common.required') }, schemaRule(nodeSettingsSchema.shape.columnPrefix)]}><Input data-testid="settings-prefix" /></Form.Item>
        <Form.Item name="softDeleteRetentionDays" label={t('settings.retention')} rules={[{ required: true }]}><InputNumber min={1} max={3650} /></Form.Item>
        <Form.Item name="runnerConcurrency" label={t('settings.concurrency')} rules={[{ required: true }]}><InputNumber min={1} max={16} /></Form.Item>
        <Form.Item name="alertRetentionDays" label={t('settings.alertRetention')} extra={t('settings.alertRetentionHelp')} rules={[{ required: true }]}><InputNumber min={180} max={3650} precision={0} data-testid="settings-alert-retention" /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="settings-save">{t('common.save')}</Button>
      </Form>
      {rolesAllow(user.roles, 'files.configure') && <SqliteDirsCard />}
      <DiagnosticsCard />
    </Card>
  );
}
