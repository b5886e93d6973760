import type { ReactNode } from 'react';
import { Layout, Menu, Segmented, Space, Typography } from 'antd';
import {
  AlertOutlined, AuditOutlined, BookOutlined, DashboardOutlined, DatabaseOutlined, DiffOutlined, SettingOutlined,
  SwapOutlined, TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { Language } from './i18n/index.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { ConnectionsPage } from './pages/ConnectionsPage.js';
import { BridgesPage } from './pages/BridgesPage.js';
import { RunPage } from './pages/RunPage.js';
import { ReconciliationPage } from './pages/ReconciliationPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { LaterPage } from './pages/LaterPage.js';
import { AlertsPage } from './pages/AlertsPage.js';

const NAV: { key: string; icon: ReactNode }[] = [
  { key: 'dashboard', icon: <DashboardOutlined /> },
  { key: 'connections', icon: <DatabaseOutlined /> },
  { key: 'bridges', icon: <SwapOutlined /> },
  { key: 'reconciliation', icon: <DiffOutlined /> },
  { key: 'alerts', icon: <AlertOutlined /> },
  { key: 'catalog', icon: <BookOutlined /> },
  { key: 'users', icon: <TeamOutlined /> },
  { key: 'audit', icon: <AuditOutlined /> },
  { key: 'settings', icon: <SettingOutlined /> },
];

export function Shell({ language, onLanguage }: { language: Language; onLanguage: (l: Language) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const section = location.pathname.split('/')[1] === 'runs' ? 'bridges' : location.pathname.split('/')[1] || 'dashboard';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#0f4c63', paddingInline: 24 }}>
        <Space size={12}>
          <img src="./icon.png" alt="" width={28} height={28} />
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>{t('app.name')}</Typography.Title>
          <Typography.Text style={{ color: '#b9dbe6' }}>{t('app.product')}</Typography.Text>
        </Space>
        <Space>
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
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={56}>
          <Menu
            mode="inline"
            selectedKeys={[section]}
            style={{ height: '100%', paddingTop: 8 }}
            items={NAV.map((n) => ({ key: n.key, icon: n.icon, label: t(`nav.${n.key}`) }))}
            onClick={(e) => navigate(`/${e.key}`)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#f4f7f9' }}>
          <Routes>
            <Route path="/" element={<Navigate to="/dashboard" replace />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/connections" element={<ConnectionsPage />} />
            <Route path="/bridges" element={<BridgesPage />} />
            <Route path="/runs/:id" element={<RunPage />} />
            <Route path="/reconciliation" element={<ReconciliationPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/alerts" element={<AlertsPage />} />
            {['catalog', 'users', 'audit'].map((key) => (
              <Route key={key} path={`/${key}`} element={<LaterPage section={key} />} />
            ))}
            <Route path="*" element={<Navigate to="/dashboard" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
