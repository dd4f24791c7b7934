import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';

export function HomeButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => void navigate('/')}>
      {t('page.home')}
    </Button>
  );
}
