import { Flex, Spin } from 'antd';
import { useI18n } from '../../i18n';

export function PageSpinner() {
  const { t } = useI18n();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 200 }} role="status" aria-label={t('app.loading')}>
      <Spin />
    </Flex>
  );
}
