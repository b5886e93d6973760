import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountView, SecurityPolicy } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { useOp } from '../useOp.js';
import { useSession } from '../auth/session.js';

const POLICY_FIELDS: { key: keyof SecurityPolicy; min: number; max: number }[] = [
  { key: 'passwordMinLength', min: 8, max: 128 }, { key: 'passwordMinClasses', min: 1, max: 4 }, { key: 'passwordExpiryDays', min: 0, max: 365 },
  { key: 'passwordHistory', min: 0, max: 24 }, { key: 'lockoutFailures', min: 3, max: 20 }, { key: 'lockoutMinutes', min: 1, max: 1440 },
  { key: 'sessionIdleMinutes', min: 1, max: 480 }, { key: 'sessionMaxHours', min: 1, max: 72 }, { key: 'auditRetentionYears', min: 2, max: 50 },
];

/** The security administrator's page: accounts, their sessions, and the password and session rules. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession().user.name;
  const users = useOp('users/list', {});
  const policy = useOp('security/getPolicy', {});
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string>();
  const [addForm] = Form.useForm<{ username: string; role: 'operator' | 'viewer'; password: string }>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const [policyForm] = Form.useForm<SecurityPolicy>();
  useEffect(() => {
    if (policy.data) policyForm.setFieldsValue(policy.data);
  }, [policy.data, policyForm]);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('users.done'));
      users.reload();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('users.title')} extra={<Button type="primary" data-testid="add-user" onClick={() => setAdding(true)}>{t('users.add')}</Button>}>
        <Table<AccountView>
          rowKey="name" size="small" loading={users.loading} dataSource={users.data ?? []} pagination={false}
          columns={[
            { title: t('auth.username'), dataIndex: 'name' },
            { title: t('users.role'), render: (_v, a) => a.roles.map((r) => <Tag key={r}>{t(`auth.${r}`)}</Tag>) },
            { title: t('users.state'), render: (_v, a) => <Space>{a.locked ? <Tag color="red">{t('users.locked')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}{a.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}</Space> },
            { title: t('users.sessions'), dataIndex: 'activeSessions' },
            { title: t('users.lastLogin'), render: (_v, a) => a.lastLoginAt?.replace('T', ' ').slice(0, 19) ?? '-' },
            {
              title: t('common.actions'),
              render: (_v, a) => a.name === me ? null : (
                <Space size={4} wrap>
                  {a.locked
                    ? <Button size="small" data-testid={`unlock-${a.name}`} onClick={() => void act(() => call('users/unlock', { username: a.name }))}>{t('users.unlock')}</Button>
                    : <Button size="small" data-testid={`lock-${a.name}`} onClick={() => void act(() => call('users/lock', { username: a.name }))}>{t('users.lock')}</Button>}
                  <Button size="small" onClick={() => { resetForm.resetFields(); setResetting(a.name); }}>{t('users.reset')}</Button>
                  <Button size="small" onClick={() => void act(() => call('users/revokeSessions', { username: a.name }))}>{t('users.revoke')}</Button>
                  <Popconfirm title={t('users.confirmRemove', { name: a.name })} onConfirm={() => void act(() => call('users/remove', { username: a.name }))}>
                    <Button size="small" danger>{t('users.remove')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('users.policy')} loading={policy.loading}>
        <Form form={policyForm} layout="inline" onFinish={(v) => void act(() => call('security/setPolicy', v))}>
          {POLICY_FIELDS.map((f) => (
            <Form.Item key={f.key} name={f.key} label={t(`users.${f.key}`)} rules={[{ required: true }]} style={{ marginBottom: 12 }}>
              <InputNumber min={f.min} max={f.max} precision={0} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit">{t('common.save')}</Button>
        </Form>
      </Card>
      <Modal
        open={adding} title={t('users.add')} onCancel={() => setAdding(false)} destroyOnHidden
        onOk={() => void addForm.validateFields().then((v) => act(() => call('users/add', v))).then((ok) => ok && (setAdding(false), addForm.resetFields()))}
        okButtonProps={{ 'data-testid': 'add-user-ok' } as Record<`data-${string}`, string>}
      >
        <Form form={addForm} layout="vertical" initialValues={{ role: 'operator' }}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required') }]}><Input data-testid="new-username" maxLength={64} /></Form.Item>
          <Form.Item name="role" label={t('users.role')}>
            <Select data-testid="new-role" options={(['operator', 'viewer'] as const).map((r) => ({ value: r, label: t(`auth.${r}`) }))} />
          </Form.Item>
          <Form.Item name="password" label={t('users.initialPassword')} rules={[{ required: true, message: t('auth.required') }]}><Input.Password data-testid="new-password" autoComplete="new-password" maxLength={256} /></Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== undefined} title={`${t('users.reset')} · ${resetting ?? ''}`} onCancel={() => setResetting(undefined)} destroyOnHidden
        onOk={() => void resetForm.validateFields().then((v) => act(() => call('users/reset', { username: resetting!, password: v.password }))).then((ok) => ok && setResetting(undefined))}
      >
        <Form form={resetForm} layout="vertical">
          <Form.Item name="password" label={t('users.initialPassword')} rules={[{ required: true, message: t('auth.required') }]}><Input.Password autoComplete="new-password" maxLength={256} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
