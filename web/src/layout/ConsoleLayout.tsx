import { Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useAuth } from '../app/ServicesContext';
import { ReauthDialog } from '../auth/ReauthDialog';
import { useI18n } from '../i18n';
import { PageSpinner } from '../pages/common/PageSpinner';
import { ConsoleHeader } from './ConsoleHeader';
import { SideMenu } from './SideMenu';

/** Skip link, the role's side menu, the header and the page (`<main id="main">`). */
export function ConsoleLayout() {
  const { state } = useAuth();
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  if (state.status === 'signed-out') return null;
  const { user } = state.session;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="anze-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208}>
        <div className="anze-brand" title={t('app.name')}>
          {collapsed ? t('app.brandShort') : t('app.brand')}
        </div>
        <SideMenu role={user.role} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #e5e7eb' }}>
          <ConsoleHeader user={user} />
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 16, outline: 'none' }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ReauthDialog />
    </Layout>
  );
}
