import { Button, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { SessionUser } from '../api';
import { useAuth } from '../app/ServicesContext';
import { useI18n } from '../i18n';
import { countyName } from '../reference/xinzhou-counties';
import { LocaleSwitch } from './LocaleSwitch';
import { NotificationBell } from '../pages/notifications/NotificationBell';

/**
 * Who is signed in (name, role, agency/county), the language switch and sign-out. Every text truncates with
 * an ellipsis (full text in its title) instead of wrapping: on a 390 px phone the title wrapped one character
 * a line (issue 15). `compact` (below `lg`): the menu button first, the language switch moves to the drawer,
 * the agency/county only in the name's title.
 */
export function ConsoleHeader({
  user,
  compact = false,
  menuButton,
}: {
  readonly user: SessionUser;
  readonly compact?: boolean;
  readonly menuButton?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { auth } = useAuth();
  const scope = [user.agency ? t(`agency.${user.agency}`) : '', countyName(user.county, locale)].filter(Boolean).join(' · ');
  const region = t('app.region');
  return (
    <Flex justify="space-between" align="center" style={{ height: '100%', minWidth: 0 }} gap={compact ? 6 : 12}>
      <Flex align="center" gap={4} style={{ minWidth: 0, flex: '1 1 auto' }}>
        {menuButton}
        <span className="anze-header-title" title={region}>
          {compact ? t('app.brandShort') : region}
        </span>
      </Flex>
      <Flex align="center" gap={compact ? 6 : 12} style={{ minWidth: 0, flex: '0 1 auto' }}>
        {!compact && <LocaleSwitch />}
        <NotificationBell />
        <Flex align="center" gap={6} role="group" aria-label={t('header.account')} data-testid="current-user" style={{ minWidth: 0 }}>
          <span className="anze-ellipsis" title={[user.displayName, scope].filter(Boolean).join(' · ')}>
            {user.displayName}
          </span>
          <Tag color="blue" style={{ marginInlineEnd: 0, flex: 'none' }}>
            {t(`role.${user.role}`)}
          </Tag>
          {scope && !compact && (
            <span className="anze-ellipsis anze-header-scope" title={scope}>
              {scope}
            </span>
          )}
        </Flex>
        <Button size="small" style={{ flex: 'none' }} onClick={() => auth.signOut('signed-out')}>
          {t('header.signOut')}
        </Button>
      </Flex>
    </Flex>
  );
}
