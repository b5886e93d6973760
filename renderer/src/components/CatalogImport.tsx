import { useState } from 'react';
import { Alert, App, Button, List, Modal, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { readPicked } from './download.js';

/** Picks a catalog workbook or JSON file, shows what it would change (or each problem by cell), and imports it on confirmation. */
export function CatalogImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pending, setPending] = useState<{ format: 'xlsx' | 'json'; data: string; plan: Output<'catalog/import'> }>();
  const [busy, setBusy] = useState(false);

  const pick = async (file: File) => {
    const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'xlsx';
    try {
      const data = await readPicked(file, format === 'xlsx');
      setPending({ format, data, plan: await call('catalog/import', { format, data, apply: false }) });
    } catch (e) {
      message.error(errorText(e));
    }
    return false;
  };

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await call('catalog/import', { format: pending.format, data: pending.data, apply: true });
      message.success(t('catalog.imported'));
      setPending(undefined);
      onImported();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const plan = pending?.plan;
  return (
    <>
      <Upload accept=".xlsx,.json" showUploadList={false} beforeUpload={(f) => pick(f)}>
        <Button icon={<UploadOutlined />} data-testid="catalog-import">{t('catalog.import')}</Button>
      </Upload>
      <Modal open={pending !== undefined} title={t('catalog.importTitle')} onCancel={() => setPending(undefined)} onOk={() => void apply()}
        okText={t('catalog.apply')} confirmLoading={busy} okButtonProps={{ disabled: !plan || plan.problems.length > 0 }}>
        {plan && plan.problems.length > 0 ? (
          <Alert type="error" showIcon title={t('catalog.problems', { count: plan.problems.length })}
            description={<List size="small" dataSource={plan.problems} renderItem={(p) => <List.Item>{p.where}：{p.message}</List.Item>} />} />
        ) : plan ? (
          <Alert type="info" showIcon data-testid="catalog-import-plan"
            title={t('catalog.planSummary', { added: plan.added.length, changed: plan.changed.length, unchanged: plan.unchanged.length })}
            description={[...plan.added.map((c) => `+ ${c}`), ...plan.changed.map((c) => `~ ${c}`)].join('\n')} />
        ) : null}
      </Modal>
    </>
  );
}
