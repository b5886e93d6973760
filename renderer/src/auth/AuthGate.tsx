import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../../shared/index.js';
import { call, SIGNED_OUT_EVENT } from '../api/client.js';
import { disconnectEvents } from '../api/events.js';
import { errorText } from '../i18n/engine.js';
import { SessionContext } from './session.js';

type Status = { setupRequired: boolean; user: SignedInUser | null };

/** Shows setup, sign-in or the forced password change until there is a usable session, then the console. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>();
  const [failure, setFailure] = useState<string>();
  const load = useCallback(() => {
    call('auth/status', {}).then((s) => { setStatus(s); setFailure(undefined); }).catch((e: unknown) => setFailure(errorText(e)));
  }, []);
  useEffect(() => {
    load();
    const onSignedOut = () => load();
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [load]);
  const signOut = useCallback(async () => {
    await call('auth/logout', {}).catch(() => undefined);
    disconnectEvents();
    load();
  }, [load]);

  if (failure) return <Result status="error" title={t('app.engineDown')} subTitle={failure} extra={<Button onClick={load}>{t('app.retry')}</Button>} />;
  if (!status) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (status.setupRequired) return <Centered><SetupForm onDone={load} /></Centered>;
  if (!status.user) return <Centered><SignInForm onDone={load} /></Centered>;
  if (status.user.mustChangePassword) return <Centered><ChangePasswordForm onDone={load} onSignOut={() => void signOut()} /></Centered>;
  return <SessionContext.Provider value={{ user: status.user, signOut }}>{children}</SessionContext.Provider>;
}

function Centered({ children }: { children: ReactNode }) {
  return <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f4f7f9' }}>{children}</div>;
}

function useSubmit(work: () => Promise<void>) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function SignInForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const submit = useSubmit(async () => {
    const v = await form.validateFields();
    await call('auth/login', { username: v.username, password: v.password });
    onDone();
  });
  return (
    <Card title={t('auth.signInTitle')} style={{ width: 380 }}>
      <Form form={form} layout="vertical" onFinish={() => void submit.run()}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required'), max: 64 }]}><Input data-testid="login-username" autoComplete="username" maxLength={64} /></Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required') }]}><Input.Password data-testid="login-password" autoComplete="current-password" maxLength={256} /></Form.Item>
        {submit.error && <Alert type="error" showIcon message={submit.error} data-testid="login-error" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block loading={submit.busy} data-testid="login-submit">{t('auth.signIn')}</Button>
      </Form>
    </Card>
  );
}

const ADMINS = ['sysadmin', 'secadmin', 'auditor'] as const;

function SetupForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const submit = useSubmit(async () => {
    const v = await form.validateFields();
    const account = (role: string) => ({ username: v[`${role}-name`]!, password: v[`${role}-password`]! });
    await call('auth/setup', { sysadmin: account('sysadmin'), secadmin: account('secadmin'), auditor: account('auditor') });
    message.success(t('auth.setupDone'));
    onDone();
  });
  return (
    <Card title={t('auth.setupTitle')} style={{ width: 520 }}>
      <Typography.Paragraph type="secondary">{t('auth.setupHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void submit.run()}>
        {ADMINS.map((role) => (
          <div key={role} style={{ display: 'flex', gap: 12 }}>
            <Form.Item name={`${role}-name`} label={`${t(`auth.${role}`)} · ${t('auth.username')}`} style={{ flex: 1 }} rules={[{ required: true, message: t('auth.required') }]}>
              <Input data-testid={`setup-${role}-name`} maxLength={64} />
            </Form.Item>
            <Form.Item name={`${role}-password`} label={t('auth.password')} style={{ flex: 1 }} rules={[{ required: true, message: t('auth.required') }]}>
              <Input.Password data-testid={`setup-${role}-password`} autoComplete="new-password" maxLength={256} />
            </Form.Item>
          </div>
        ))}
        {submit.error && <Alert type="error" showIcon message={submit.error} data-testid="setup-error" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block loading={submit.busy} data-testid="setup-submit">{t('auth.setupSubmit')}</Button>
      </Form>
    </Card>
  );
}

function ChangePasswordForm({ onDone, onSignOut }: { onDone: () => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ current: string; next: string; confirm: string }>();
  const submit = useSubmit(async () => {
    const v = await form.validateFields();
    await call('auth/changePassword', { current: v.current, next: v.next });
    message.success(t('auth.changed'));
    onDone();
  });
  return (
    <Card title={t('auth.changeTitle')} style={{ width: 380 }} extra={<Button type="link" onClick={onSignOut}>{t('auth.signOut')}</Button>}>
      <Typography.Paragraph type="secondary">{t('auth.changeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void submit.run()}>
        <Form.Item name="current" label={t('auth.current')} rules={[{ required: true, message: t('auth.required') }]}><Input.Password data-testid="change-current" autoComplete="current-password" maxLength={256} /></Form.Item>
        <Form.Item name="next" label={t('auth.next')} rules={[{ required: true, message: t('auth.required') }]}><Input.Password data-testid="change-next" autoComplete="new-password" maxLength={256} /></Form.Item>
        <Form.Item
          name="confirm" label={t('auth.confirm')} dependencies={['next']}
          rules={[{ required: true, message: t('auth.required') }, ({ getFieldValue }) => ({
            validator: (_r, value) => (value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('auth.mismatch')))),
          })]}
        >
          <Input.Password data-testid="change-confirm" autoComplete="new-password" maxLength={256} />
        </Form.Item>
        {submit.error && <Alert type="error" showIcon message={submit.error} data-testid="change-error" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block loading={submit.busy} data-testid="change-submit">{t('auth.changeTitle')}</Button>
      </Form>
    </Card>
  );
}
