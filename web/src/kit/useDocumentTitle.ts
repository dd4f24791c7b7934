import { useEffect } from 'react';
import { useI18n } from '../i18n/useI18n';

/** Sets `<title>` to `page - 安责险服务平台` (in the console's language). */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} - ${appName}` : appName;
  }, [page, appName]);
}
