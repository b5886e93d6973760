import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/index.js';
import { rolesAllow } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { useOp } from '../useOp.js';
import { useSession } from '../auth/session.js';
import { formatTime } from '../components/format.js';

/** Open sessions: everyone sees and ends their own; the security administrator sees and revokes every one. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const manages = rolesAllow(user.roles, 'users.manage');
  const mine = useOp('sessions/mine', {});
  const all = useOp('sessions/list', manages ? {} : null);

  const end = async (op: 'sessions/end' | 'sessions/revoke', id: string) => {
    try {
      await call(op, { id });
      message.success(t('sessions.ended'));
    } catch (e) {
      message.error(errorText(e));
    }
    mine.reload();
    if (manages) all.reload();
  };

  const columns = (op: 'sessions/end' | 'sessions/revoke', testid: string) => [
    { title: t('auth.username'), dataIndex: 'user' },
    { title: t('users.role'), render: (_v: unknown, s: SessionView) => s.roles.map((r) => <Tag key={r}>{t(`auth.${r}`)}</Tag>) },
    { title: t('audit.shell'), render: (_v: unknown, s: SessionView) => t(`sessions.shells.${s.shell}`) },
    { title: t('audit.address'), render: (_v: unknown, s: SessionView) => s.address ?? '-' },
    { title: t('sessions.started'), render: (_v: unknown, s: SessionView) => formatTime(s.startedAt) },
    { title: t('sessions.lastSeen'), render: (_v: unknown, s: SessionView) => formatTime(s.lastSeenAt) },
    {
      title: t('common.actions'),
      render: (_v: unknown, s: SessionView) => s.current ? <Tag color="blue" data-testid={`${testid}-current`}>{t('sessions.current')}</Tag> : (
        <Popconfirm title={t('sessions.confirmEnd', { user: s.user })} onConfirm={() => void end(op, s.id)}>
          <Button size="small" danger data-testid={`${testid}-end-${s.user}`}>{t('sessions.end')}</Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('sessions.mine')}>
        <Table<SessionView> rowKey="id" size="small" data-testid="sessions-mine" loading={mine.loading} dataSource={mine.data ?? []} pagination={false} columns={columns('sessions/end', 'mine')} />
      </Card>
      {manages && (
        <Card title={t('sessions.all')}>
          <Table<SessionView> rowKey="id" size="small" data-testid="sessions-all" loading={all.loading} dataSource={all.data ?? []} pagination={{ pageSize: 50 }} columns={columns('sessions/revoke', 'all')} />
        </Card>
      )}
    </Space>
  );
}
