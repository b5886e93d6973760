import { useState } from 'react';
import { App, Button, Input, Modal, Space, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/index.js';
import { call } from '../../api/client.js';
import { engineText, errorText } from '../../i18n/engine.js';
import { formatCount, formatTime } from '../format.js';
import { ShortTime } from '../ShortTime.js';

const SEVERITY_COLOR = { critical: 'red', warning: 'orange', info: 'blue' } as const;
const STATUS_COLOR = { open: 'red', acknowledged: 'gold', resolved: 'green' } as const;

/** Alerts as a table, with acknowledge (a comment is required: who and when are recorded by the engine). */
export function AlertList({ alerts, loading, onChanged, compact = false, pagination }: {
  alerts: Alert[] | undefined; loading: boolean; onChanged: () => void; compact?: boolean;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number, size: number) => void };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [acking, setAcking] = useState<Alert | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const ack = async () => {
    if (!acking) return;
    if (!comment.trim()) return void message.warning(t('monitor.alerts.commentRequired'));
    setBusy(true);
    try {
      await call('alerts/ack', { id: acking.id, comment: comment.trim() });
      message.success(t('monitor.alerts.ackDone'));
      setAcking(null);
      setComment('');
      onChanged();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Table<Alert>
        size="small" rowKey="id" loading={loading} dataSource={alerts ?? []}
        locale={{ emptyText: t('monitor.alerts.empty') }}
        pagination={pagination ? { ...pagination, showSizeChanger: false } : false}
        columns={[
          { title: t('monitor.alerts.severity'), dataIndex: 'severity', width: 80, render: (v: Alert['severity']) => <Tag color={SEVERITY_COLOR[v]}>{t(`monitor.alerts.severities.${v}`)}</Tag> },
          // The dashboard's card is narrow: the message says what kind of alert it is, and the alerts page acknowledges.
          ...(compact ? [] : [{ title: t('monitor.alerts.kind'), dataIndex: 'kind', width: 130, render: (v: string) => t(`monitor.alerts.kinds.${v}`) }]),
          { title: t('monitor.alerts.message'), dataIndex: 'message', render: (_, a) => <span data-testid={`alert-message-${a.id}`}>{engineText(a.message)}</span> },
          { title: t('monitor.alerts.status'), dataIndex: 'status', width: 90, render: (v: Alert['status'], a) => (
            <Tooltip title={a.acknowledged ? `${t('monitor.alerts.ackBy')}: ${a.acknowledged.by} · ${formatTime(a.acknowledged.at)} · ${a.acknowledged.comment}` : undefined}>
              <Tag color={STATUS_COLOR[v]} data-testid={`alert-status-${a.id}`}>{t(`monitor.alerts.${v}`)}</Tag>
            </Tooltip>
          ) },
          ...(compact ? [] : [
            { title: t('monitor.alerts.firstSeen'), dataIndex: 'firstSeen', width: 160, render: (v: string) => formatTime(v) },
            { title: t('monitor.alerts.count'), dataIndex: 'count', width: 70, align: 'right' as const, render: (v: number) => formatCount(v) },
          ]),
          { title: t('monitor.alerts.lastSeen'), dataIndex: 'lastSeen', width: compact ? 100 : 160, render: (v: string) => (compact ? <ShortTime iso={v} /> : formatTime(v)) },
          ...(compact ? [] : [{
            title: '', width: 90, render: (_: unknown, a: Alert) => a.status === 'open'
              ? <Button size="small" onClick={() => setAcking(a)} data-testid={`ack-${a.id}`}>{t('monitor.alerts.ack')}</Button>
              : null,
          }]),
        ]}
      />
      <Modal open={acking !== null} title={t('monitor.alerts.ack')} onOk={() => void ack()} confirmLoading={busy} onCancel={() => setAcking(null)} okButtonProps={{ 'data-testid': 'ack-confirm' } as Record<`data-${string}`, string>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {acking && <span>{engineText(acking.message)}</span>}
          <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('monitor.alerts.ackComment')} data-testid="ack-comment" maxLength={1000} />
        </Space>
      </Modal>
    </>
  );
}
