import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../../i18n';
import { NotFoundPage } from './NotFoundPage';

/** Anything a page throws (including a lazy chunk that vanished after a deploy): offer a reload. */
export function RouteErrorPage() {
  const { t } = useI18n();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Result
      status="error"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('page.error.title')}</h1>}
      subTitle={t('page.error.body')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('page.error.reload')}
        </Button>
      }
    />
  );
}
