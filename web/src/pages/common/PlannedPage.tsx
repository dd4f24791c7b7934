import { Result } from 'antd';
import { useI18n, type MessageKey } from '../../i18n';
import { PageHeading } from '../../kit/PageHeading';

/** A menu entry whose page a later issue delivers: a titled placeholder, not a dead link. */
export function PlannedPage({ titleKey }: { readonly titleKey: MessageKey }) {
  const { t } = useI18n();
  const page = t(titleKey);
  return (
    <>
      <PageHeading title={page} />
      <Result status="info" title={t('page.planned.title', { page })} subTitle={t('page.planned.body')} />
    </>
  );
}
