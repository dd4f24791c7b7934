import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from '../i18n';
import type { ConsoleServices } from './console-services';
import { createConsoleRouter } from './router';
import { ServicesProvider } from './ServicesContext';
import { consoleTheme } from './theme';

function LocalizedConsole({ services }: { readonly services: ConsoleServices }) {
  const { antdLocale } = useI18n();
  const [router] = useState(createConsoleRouter);
  return (
    <ConfigProvider locale={antdLocale} theme={consoleTheme} button={{ autoInsertSpace: false }}>
      <ServicesProvider services={services}>
        <RouterProvider router={router} />
      </ServicesProvider>
    </ConfigProvider>
  );
}

/** The console: server data, language, antd theme and locale, services, routes. */
export function App({ services }: { readonly services: ConsoleServices }) {
  return (
    <QueryClientProvider client={services.queryClient}>
      <I18nProvider>
        <LocalizedConsole services={services} />
      </I18nProvider>
    </QueryClientProvider>
  );
}
