import { useState } from 'react';
import { Alert, App, Button, List, Modal, Space, Tag, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ConfigImportResult } from '../../../shared/config-doc.js';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { downloadFile, readPicked } from './download.js';

const COLORS = { added: 'green', changed: 'orange', removed: 'red', unchanged: 'default' } as const;

/** Export the node's configuration as YAML; import one after showing its plan (added, changed, removed, unchanged). */
export function ConfigTransfer() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pending, setPending] = useState<{ yaml: string; result: ConfigImportResult }>();
  const [busy, setBusy] = useState(false);

  const exportNow = async () => {
    try {
      const out = await call('config/export', {});
      downloadFile(`exnode-config-${new Date().toISOString().slice(0, 10)}.yaml`, out.yaml, 'application/yaml');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const pick = async (file: File) => {
    try {
      const yaml = await readPicked(file, false);
      setPending({ yaml, result: await call('config/import', { yaml, apply: false }) });
    } catch (e) {
      message.error(errorText(e));
    }
    return false;
  };

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const result = await call('config/import', { yaml: pending.yaml, apply: true });
      message.success(t('config.applied'));
      for (const w of result.withoutPassword) message.warning(t('config.noPassword', w));
      for (const w of result.withoutSecret) message.warning(t('config.noSecret', w));
      setPending(undefined);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const result = pending?.result;
  const count = (a: string) => result?.plan.filter((p) => p.action === a).length ?? 0;
  return (
    <Space>
      <Button icon={<DownloadOutlined />} onClick={() => void exportNow()} data-testid="config-export">{t('config.export')}</Button>
      <Upload accept=".yaml,.yml" showUploadList={false} beforeUpload={(f) => pick(f)}>
        <Button icon={<UploadOutlined />} data-testid="config-import">{t('config.import')}</Button>
      </Upload>
      <Modal open={pending !== undefined} width={720} title={t('config.planTitle')} onCancel={() => setPending(undefined)} onOk={() => void apply()}
        okText={t('config.apply')} confirmLoading={busy} okButtonProps={{ disabled: !result || result.problems.length > 0 }}>
        {result && result.problems.length > 0 ? (
          <Alert type="error" showIcon title={t('config.problems', { count: result.problems.length })}
            description={<List size="small" dataSource={result.problems} renderItem={(p) => <List.Item>{p.where}：{p.message}</List.Item>} />} />
        ) : result ? (
          <>
            <Alert type="info" showIcon title={t('config.plan', { added: count('added'), changed: count('changed'), removed: count('removed'), unchanged: count('unchanged') })} />
            {result.notDeployed.map((name) => <Alert key={name} type="warning" showIcon data-testid="config-not-deployed" title={t('config.notDeployed', { name })} />)}
            <List size="small" dataSource={result.plan.filter((p) => p.action !== 'unchanged')} renderItem={(p) => (
              <List.Item><Tag color={COLORS[p.action]}>{t(`config.action.${p.action}`)}</Tag>{p.section}/{p.name}{p.fields ? `（${p.fields.join('、')}）` : ''}</List.Item>
            )} />
          </>
        ) : null}
      </Modal>
    </Space>
  );
}
