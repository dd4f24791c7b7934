import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { archiveFolderPath } from './archive-folder-api';

/**
 * 档案夹 (SVC-10, issue 18) from a policy: the enterprise's folder at the policy's year. A real link (an `<a>`,
 * so it opens in a new tab too) that navigates inside the console on a plain click.
 */
export function FolderLinkButton({ uscc, periodStart }: { readonly uscc: string; readonly periodStart: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const path = archiveFolderPath(uscc, Number(periodStart.slice(0, 4)));
  return (
    <Button
      href={path}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        void navigate(path);
      }}
    >
      {t('folder.open')}
    </Button>
  );
}
