import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BridgeMonitorSettings } from '../../../../shared/index.js';
import { call } from '../../api/client.js';
import { useCan } from '../../auth/session.js';
import { errorText } from '../../i18n/engine.js';
import { useOp } from '../../useOp.js';

interface FormValues {
  freshnessMinutes: number | null;
  reconcileCron: string;
  staleMode: 'auto' | 'off' | 'limit';
  staleMinutes: number | null;
}

function toForm(s: BridgeMonitorSettings): FormValues {
  return {
    freshnessMinutes: s.freshnessMinutes,
    reconcileCron: s.reconcileCron ?? '',
    staleMode: typeof s.sourceStale === 'number' ? 'limit' : s.sourceStale,
    staleMinutes: typeof s.sourceStale === 'number' ? s.sourceStale : null,
  };
}

/** Per-bridge watch settings: freshness limit, scheduled data reconciliation, "source stopped changing". */
export function BridgeWatchCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canSet = useCan('monitor.tune');
  const bridges = useOp('bridges/list', {});
  const [bridge, setBridge] = useState<string>();
  const settings = useOp('monitor/bridge-settings', bridge ? { bridge } : null);
  const [form] = Form.useForm<FormValues>();
  const staleMode = Form.useWatch('staleMode', form);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(toForm(settings.data));
  }, [settings.data, form]);

  const save = async (v: FormValues) => {
    if (!bridge) return;
    try {
      const sourceStale = v.staleMode === 'limit' ? v.staleMinutes ?? 0 : v.staleMode;
      const cron = v.reconcileCron.trim();
      await call('monitor/bridge-settings/set', { bridge, freshnessMinutes: v.freshnessMinutes ?? null, reconcileCron: cron === '' ? null : cron, sourceStale });
      message.success(t('monitor.watch.saved'));
      settings.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card title={t('monitor.watch.title')} data-testid="bridge-watch">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('monitor.watch.hint')}</Typography.Text>
        <Select style={{ width: 320 }} placeholder={t('monitor.watch.pickBridge')} value={bridge} onChange={setBridge} data-testid="watch-bridge"
          loading={bridges.loading} options={(bridges.data ?? []).map((b) => ({ label: b.name, value: b.name }))} showSearch />
        {bridge && (
          <Form<FormValues> form={form} layout="vertical" style={{ maxWidth: 560 }} disabled={!canSet || settings.loading} onFinish={(v) => void save(v)}>
            <Form.Item name="freshnessMinutes" label={t('monitor.watch.freshness')} extra={t('monitor.watch.freshnessHint')}>
              <InputNumber min={1} max={525_600} precision={0} addonAfter={t('monitor.watch.minutes')} placeholder={t('monitor.watch.fromCatalog')} style={{ width: 260 }} data-testid="watch-freshness" />
            </Form.Item>
            <Form.Item name="reconcileCron" label={t('monitor.watch.reconcile')} extra={t('monitor.watch.reconcileHint')}>
              <Input placeholder="0 0 2 * * *" maxLength={100} style={{ width: 260 }} data-testid="watch-reconcile" />
            </Form.Item>
            <Form.Item name="staleMode" label={t('monitor.watch.sourceStale')} extra={t('monitor.watch.sourceStaleHint')}>
              <Radio.Group data-testid="watch-stale-mode" options={[
                { label: t('monitor.watch.staleAuto'), value: 'auto' }, { label: t('monitor.watch.staleOff'), value: 'off' }, { label: t('monitor.watch.staleLimit'), value: 'limit' },
              ]} />
            </Form.Item>
            {staleMode === 'limit' && (
              <Form.Item name="staleMinutes" label={t('monitor.watch.staleMinutes')} rules={[{ required: true, message: t('monitor.watch.staleMinutesRequired') }]}>
                <InputNumber min={10} max={525_600} precision={0} addonAfter={t('monitor.watch.minutes')} style={{ width: 260 }} data-testid="watch-stale-minutes" />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" data-testid="watch-save">{t('common.save')}</Button>
            {!canSet && <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{t('monitor.watch.readOnly')}</Typography.Text>}
          </Form>
        )}
      </Space>
    </Card>
  );
}
