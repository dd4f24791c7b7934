import { Badge, Menu, type MenuProps } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Agency, Role } from '../api';
import { useI18n } from '../i18n';
import { AUDIENCE } from '../navigation/access';
import { menuKeyFor, menuRoutesFor } from '../navigation/console-routes';
import { useWorkbenchBadges } from '../pages/insurer/workbench/workbench-api';

/** The role's menu. Entries are real links (open in a new tab works); Enter on a focused entry navigates too. */
export function SideMenu({ role, agency }: { readonly role: Role; readonly agency?: Agency }) {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  // Issue 14: an insurer's open 督办 and overdue items as badges on the entries where they are done.
  const badges = useWorkbenchBadges((AUDIENCE.insurer as readonly Role[]).includes(role));
  const items: MenuProps['items'] = menuRoutesFor(role, agency).map((route) => ({
    key: route.path,
    icon: route.icon,
    label: (
      <Link to={route.path}>
        {t(route.titleKey)}
        {(badges[route.path] ?? 0) > 0 && <Badge count={badges[route.path]} size="small" overflowCount={99} style={{ marginInlineStart: 8, boxShadow: 'none' }} />}
      </Link>
    ),
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
