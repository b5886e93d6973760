import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { useOp } from '../useOp.js';

/** The system administrator's setting: the directories SQLite connections may use, one per line. */
export function SqliteDirsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dirs = useOp('files/sqliteDirs', {});
  const [text, setText] = useState('');
  useEffect(() => {
    if (dirs.data) setText(dirs.data.dirs.join('\n'));
  }, [dirs.data]);

  const save = async () => {
    try {
      const saved = await call('files/setSqliteDirs', { dirs: text.split('\n').map((l) => l.trim()).filter(Boolean) });
      setText(saved.dirs.join('\n'));
      message.success(t('sqliteDirs.saved'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card size="small" title={t('sqliteDirs.title')} style={{ marginTop: 16 }} loading={dirs.loading}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('sqliteDirs.hint')}</Typography.Text>
        <Input.TextArea data-testid="sqlite-dirs" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="primary" data-testid="sqlite-dirs-save" onClick={() => void save()}>{t('common.save')}</Button>
      </Space>
    </Card>
  );
}
