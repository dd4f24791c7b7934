import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createConsoleServices } from './app/console-services';
import { loadRuntimeConfig } from './config/runtime-config';
import { loadLocale, storedLocale } from './i18n';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

// The catalogue is loaded with the configuration, so the first render is in the remembered language, with
// every message — but for Chinese on the sign-in page, whose common messages are part of the first visit; the
// rest comes with the console shell (app/router.tsx; issue 15, first visit).
const locale = storedLocale();
const catalogue = locale === 'zh-CN' && window.location.pathname === '/login' ? undefined : loadLocale(locale).catch(() => undefined);
Promise.all([loadRuntimeConfig(), catalogue]).then(
  ([config]) => {
    root.render(
      <StrictMode>
        <App services={createConsoleServices(config)} />
      </StrictMode>,
    );
  },
  async (error: unknown) => {
    console.warn('anze: /config.json could not be loaded', error);
    // Loaded only when needed: antd's Result (with its pictures) is not part of a normal first visit (issue 15).
    const { ConfigErrorScreen } = await import('./app/ConfigErrorScreen');
    root.render(<ConfigErrorScreen />);
  },
);
