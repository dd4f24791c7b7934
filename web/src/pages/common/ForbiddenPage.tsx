import { Result } from 'antd';
import { useAuth } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { useDocumentTitle } from '../../kit/useDocumentTitle';
import { HomeButton } from './HomeButton';

/** 403: the page exists, the signed-in role may not use it. */
export function ForbiddenPage() {
  const { t } = useI18n();
  const { state } = useAuth();
  const title = t('page.forbidden.title');
  useDocumentTitle(title);
  const role = state.status === 'signed-out' ? '' : t(`role.${state.session.user.role}`);
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{title}</h1>}
      subTitle={t('page.forbidden.body', { role })}
      extra={<HomeButton />}
    />
  );
}
