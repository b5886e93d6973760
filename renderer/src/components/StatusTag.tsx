import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  queued: 'default', running: 'processing', succeeded: 'success', failed: 'error', cancelled: 'warning', skipped: 'default', ok: 'success', unknown: 'default',
};

export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
