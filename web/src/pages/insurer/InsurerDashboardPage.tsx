import { Card, Typography } from 'antd';
import { useAuth } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { PageHeading } from '../../kit';

/** The insurer's landing page; later issues put to-dos and figures here. */
export function InsurerDashboardPage() {
  const { t } = useI18n();
  const { state } = useAuth();
  const name = state.status === 'signed-out' ? '' : state.session.user.displayName;
  return (
    <>
      <PageHeading title={t('nav.insurer.dashboard')} />
      <Card>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
          {t('dashboard.welcome', { name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('dashboard.intro')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
