import { Button, Flex, Tag, Typography } from 'antd';
import type { SessionUser } from '../api';
import { useAuth } from '../app/ServicesContext';
import { useI18n } from '../i18n';
import { countyName } from '../reference/xinzhou-counties';
import { LocaleSwitch } from './LocaleSwitch';

/** Who is signed in (name, role, agency/county), the language switch and sign-out. */
export function ConsoleHeader({ user }: { readonly user: SessionUser }) {
  const { t, locale } = useI18n();
  const { auth } = useAuth();
  const scope = [user.agency ? t(`agency.${user.agency}`) : '', countyName(user.county, locale)].filter(Boolean).join(' · ');
  return (
    <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={12}>
      <Typography.Text strong style={{ fontSize: 15 }}>
        {t('app.region')}
      </Typography.Text>
      <Flex align="center" gap={12}>
        <LocaleSwitch />
        <Flex align="center" gap={6} role="group" aria-label={t('header.account')} data-testid="current-user">
          <Typography.Text>{user.displayName}</Typography.Text>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t(`role.${user.role}`)}
          </Tag>
          {scope && <Typography.Text type="secondary">{scope}</Typography.Text>}
        </Flex>
        <Button size="small" onClick={() => auth.signOut('signed-out')}>
          {t('header.signOut')}
        </Button>
      </Flex>
    </Flex>
  );
}
