import { useState } from 'react';
import { App, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { errorText } from '../../i18n/engine.js';

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** Settings card: collect the support bundle (logs, versions, configuration, no secret) and download it. */
export function DiagnosticsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [entries, setEntries] = useState<string[] | null>(null);

  const collect = async () => {
    setBusy(true);
    try {
      const bundle = await call('diagnostics/collect', {});
      const bytes = Uint8Array.from(atob(bundle.zipBase64), (c) => c.charCodeAt(0));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
      link.download = bundle.filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setEntries(bundle.entries);
      message.success(t('desktop.diagnostics.saved', { file: bundle.filename, size: sizeText(bundle.bytes), count: bundle.entries.length }));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card type="inner" title={t('desktop.diagnostics.title')} size="small" style={{ marginTop: 24, maxWidth: 720 }} data-testid="diagnostics-card">
      <Typography.Paragraph type="secondary">{t('desktop.diagnostics.hint')}</Typography.Paragraph>
      <Button onClick={() => void collect()} loading={busy}>{t('desktop.diagnostics.collect')}</Button>
      {entries && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('desktop.diagnostics.contents', { files: entries.join(', ') })}</Typography.Paragraph>}
    </Card>
  );
}
