import { Segmented } from 'antd';
import { LOCALES, isLocale, useI18n } from '../i18n';

/** 中文 | English, each option labelled in its own language. */
export function LocaleSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented
      aria-label={t('locale.label')}
      size="small"
      value={locale}
      onChange={(value) => {
        if (isLocale(value)) setLocale(value);
      }}
      options={LOCALES.map((option) => ({ value: option, label: <span lang={option}>{t(`locale.${option}`)}</span> }))}
    />
  );
}
