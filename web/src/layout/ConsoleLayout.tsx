import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useAuth } from '../app/ServicesContext';
import { ReauthDialog } from '../auth/ReauthDialog';
import { useI18n } from '../i18n';
import { useFocusableScrollRegions } from '../kit/useFocusableScrollRegions';
import { PageSpinner } from '../pages/common/PageSpinner';
import { ConsoleHeader } from './ConsoleHeader';
import { LocaleSwitch } from './LocaleSwitch';
import { SideMenu } from './SideMenu';

/**
 * Skip link, the role's menu, the header and the page (`<main id="main">`). From antd's `lg` breakpoint
 * (992 px) up the menu is a side bar; below it (tablets, phones) a drawer opened from the header, so the
 * page gets the whole width (issue 15: at 390 px the side bar stayed and the page scrolled sideways).
 */
export function ConsoleLayout() {
  const { state } = useAuth();
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  // `lg` is undefined until the first measurement; wide is the safe guess for desktops, narrow ones switch at once.
  const narrow = screens.lg === false;
  const location = useLocation();
  useEffect(() => setDrawerOpen(false), [location.pathname]);
  useFocusableScrollRegions('main');
  if (state.status === 'signed-out') return null;
  const { user } = state.session;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="anze-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {!narrow && (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208}>
          <div className="anze-brand" title={t('app.name')}>
            {collapsed ? t('app.brandShort') : t('app.brand')}
          </div>
          <SideMenu role={user.role} agency={user.agency} />
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={t('app.brand')}
          closable={{ 'aria-label': t('header.closeMenu') }}
          styles={{ body: { padding: 0, background: '#0f1f3d' }, header: { background: '#0f1f3d', color: '#fff' } }}
          className="anze-menu-drawer"
        >
          <SideMenu role={user.role} agency={user.agency} />
          <div style={{ padding: 12 }}>
            <LocaleSwitch />
          </div>
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #e5e7eb' }}>
          <ConsoleHeader
            user={user}
            compact={narrow}
            menuButton={
              narrow ? (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('header.openMenu')}
                  aria-expanded={drawerOpen}
                  onClick={() => setDrawerOpen(true)}
                />
              ) : undefined
            }
          />
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: narrow ? 8 : 16, outline: 'none', minWidth: 0 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ReauthDialog />
    </Layout>
  );
}
