import { Menu, type MenuProps } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Agency, Role } from '../api';
import { useI18n } from '../i18n';
import { menuKeyFor, menuRoutesFor } from '../navigation/console-routes';

/** The role's menu. Entries are real links (open in a new tab works); Enter on a focused entry navigates too. */
export function SideMenu({ role, agency }: { readonly role: Role; readonly agency?: Agency }) {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const items: MenuProps['items'] = menuRoutesFor(role, agency).map((route) => ({
    key: route.path,
    icon: route.icon,
    label: <Link to={route.path}>{t(route.titleKey)}</Link>,
  }));
  const selected = menuKeyFor(location.pathname, role);
  return (
    <nav aria-label={t('header.mainMenu')}>
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key, domEvent }) => {
          // Mouse clicks are handled by the link itself; keyboard activation lands on the <li>.
          if ('key' in domEvent) void navigate(key);
        }}
      />
    </nav>
  );
}
