import { Button, ConfigProvider, Result } from 'antd';
import { I18nProvider, useI18n } from '../i18n';
import { consoleTheme } from './theme';

function ConfigError() {
  const { t, antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale} theme={consoleTheme} button={{ autoInsertSpace: false }}>
      <main>
        <Result
          status="error"
          title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('app.name')}</h1>}
          subTitle={t('app.configError')}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('app.retry')}
            </Button>
          }
        />
      </main>
    </ConfigProvider>
  );
}

/** Shown when /config.json cannot be read: without it the console cannot know how to sign in. */
export function ConfigErrorScreen() {
  return (
    <I18nProvider>
      <ConfigError />
    </I18nProvider>
  );
}
