import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, MessageParams } from '../../../shared/index.js';
import { formatTime } from './format.js';
import { ShortTime } from './ShortTime.js';
import { engineText } from '../i18n/engine.js';

/** A connection's last successful use by a run (local time), and a failed run after it with its reason. */
export function LastUse({ connection: c }: { connection: ConnectionView }) {
  const { t } = useTranslation();
  const failedSince = c.lastUseFailedAt !== null && (c.lastUsedAt === null || c.lastUseFailedAt > c.lastUsedAt);
  const reason = c.lastUseError
    ? (c.lastUseError.key ? engineText({ key: c.lastUseError.key, ...(c.lastUseError.params ? { params: c.lastUseError.params as MessageParams } : {}) }) : c.lastUseError.message)
    : '';
  return (
    <Space size={4} className="exn-nowrap" data-testid={`last-use-${c.name}`}>
      {c.lastUsedAt ? <ShortTime iso={c.lastUsedAt} /> : <Typography.Text type="secondary">{t('connections.neverUsed')}</Typography.Text>}
      {failedSince && (
        <Tooltip title={`${formatTime(c.lastUseFailedAt)} ${reason}`}>
          <Tag color="red" data-testid={`last-use-failed-${c.name}`}>{t('connections.lastUseFailed')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
