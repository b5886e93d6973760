import { type ReactNode, Suspense } from 'react';
import { Button, Card, Layout, Menu, Segmented, Space, Typography } from 'antd';
import {
  AlertOutlined, AuditOutlined, ClockCircleOutlined, HistoryOutlined, BookOutlined, DashboardOutlined, DatabaseOutlined, DiffOutlined, SettingOutlined,
  SwapOutlined, TeamOutlined, LaptopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { rolesAllow, type Permission } from '../../shared/index.js';
import type { Language } from './i18n/index.js';
import { useSession } from './auth/session.js';
import { page } from './lazy-page.js';

// Each page is its own bundle, loaded when first visited (the console's first paint needs only the shell).
const DashboardPage = page(() => import('./pages/DashboardPage.js'), 'DashboardPage');
const ConnectionsPage = page(() => import('./pages/ConnectionsPage.js'), 'ConnectionsPage');
const BridgesPage = page(() => import('./pages/BridgesPage.js'), 'BridgesPage');
const RunPage = page(() => import('./pages/RunPage.js'), 'RunPage');
const ReconciliationPage = page(() => import('./pages/ReconciliationPage.js'), 'ReconciliationPage');
const SettingsPage = page(() => import('./pages/SettingsPage.js'), 'SettingsPage');
const UsersPage = page(() => import('./pages/UsersPage.js'), 'UsersPage');
const AuditPage = page(() => import('./pages/AuditPage.js'), 'AuditPage');
const CatalogPage = page(() => import('./pages/CatalogPage.js'), 'CatalogPage');
const SchedulesPage = page(() => import('./pages/SchedulesPage.js'), 'SchedulesPage');
const RunsListPage = page(() => import('./pages/RunsListPage.js'), 'RunsListPage');
const AlertsPage = page(() => import('./pages/AlertsPage.js'), 'AlertsPage');
const SessionsPage = page(() => import('./pages/SessionsPage.js'), 'SessionsPage');

/** Each section with the permission it needs: the menu shows only what the role may use (the engine enforces it regardless). */
const NAV: { key: string; icon: ReactNode; permission: Permission; label?: string }[] = [
  { key: 'dashboard', icon: <DashboardOutlined />, permission: 'node.read' },
  { key: 'connections', icon: <DatabaseOutlined />, permission: 'connections.read' },
  { key: 'bridges', icon: <SwapOutlined />, permission: 'bridges.read' },
  { key: 'schedules', icon: <ClockCircleOutlined />, permission: 'bridges.read', label: 'schedule.navSchedules' },
  { key: 'runs', icon: <HistoryOutlined />, permission: 'bridges.read', label: 'schedule.navRuns' },
  { key: 'reconciliation', icon: <DiffOutlined />, permission: 'bridges.read' },
  { key: 'alerts', icon: <AlertOutlined />, permission: 'alerts.read' },
  { key: 'catalog', icon: <BookOutlined />, permission: 'catalog.read' },
  { key: 'users', icon: <TeamOutlined />, permission: 'users.manage' },
  { key: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'sessions', icon: <LaptopOutlined />, permission: 'session.self', label: 'sessions.nav' },
  { key: 'settings', icon: <SettingOutlined />, permission: 'connections.read' },
];

export function Shell({ language, onLanguage }: { language: Language; onLanguage: (l: Language) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, signOut } = useSession();
  const nav = NAV.filter((n) => rolesAllow(user.roles, n.permission));
  const allowed = (key: string) => nav.some((n) => n.key === key);
  const home = nav[0]?.key ?? 'dashboard';
  const section = location.pathname.split('/')[1] || 'dashboard';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#0f4c63', paddingInline: 24 }}>
        <Space size={12}>
          <img src="./icon.png" alt="" width={28} height={28} />
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>{t('app.name')}</Typography.Title>
          <Typography.Text style={{ color: '#b9dbe6' }}>{t('app.product')}</Typography.Text>
        </Space>
        <Space>
          <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-user">{user.name} · {user.roles.map((r) => t(`auth.${r}`)).join(', ')}</Typography.Text>
          <Button size="small" ghost data-testid="sign-out" onClick={() => void signOut()}>{t('auth.signOut')}</Button>
          <Typography.Text style={{ color: '#b9dbe6' }}>{t('app.language')}</Typography.Text>
          <Segmented
            data-testid="language-switch"
            size="small"
            value={language}
            onChange={(v) => onLanguage(v as Language)}
            options={[{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }]}
          />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="xl" collapsedWidth={56}>
          <Menu
            mode="inline"
            selectedKeys={[section]}
            style={{ height: '100%', paddingTop: 8 }}
            items={nav.map((n) => ({ key: n.key, icon: n.icon, label: t(n.label ?? `nav.${n.key}`) }))}
            onClick={(e) => navigate(`/${e.key}`)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#f4f7f9' }}>
          <Suspense fallback={<Card loading />}>
          <Routes>
            <Route path="/" element={<Navigate to={`/${home}`} replace />} />
            {allowed('dashboard') && <Route path="/dashboard" element={<DashboardPage />} />}
            {allowed('connections') && <Route path="/connections" element={<ConnectionsPage />} />}
            {allowed('bridges') && <Route path="/bridges" element={<BridgesPage />} />}
            {allowed('bridges') && <Route path="/runs/:id" element={<RunPage />} />}
            {allowed('reconciliation') && <Route path="/reconciliation" element={<ReconciliationPage />} />}
            {allowed('settings') && <Route path="/settings" element={<SettingsPage />} />}
            {allowed('users') && <Route path="/users" element={<UsersPage />} />}
            {allowed('audit') && <Route path="/audit" element={<AuditPage />} />}
            {allowed('sessions') && <Route path="/sessions" element={<SessionsPage />} />}

            {allowed('catalog') && <Route path="/catalog" element={<CatalogPage />} />}
            {allowed('schedules') && <Route path="/schedules" element={<SchedulesPage />} />}
            {allowed('runs') && <Route path="/runs" element={<RunsListPage />} />}
            {allowed('alerts') && <Route path="/alerts" element={<AlertsPage />} />}
            <Route path="*" element={<Navigate to={`/${home}`} replace />} />
          </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
