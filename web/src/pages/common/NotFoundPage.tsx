import { Result } from 'antd';
import { useI18n } from '../../i18n';
import { useDocumentTitle } from '../../kit/useDocumentTitle';
import { HomeButton } from './HomeButton';

export function NotFoundPage() {
  const { t } = useI18n();
  const title = t('page.notFound.title');
  useDocumentTitle(title);
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{title}</h1>}
      subTitle={t('page.notFound.body')}
      extra={<HomeButton />}
    />
  );
}
