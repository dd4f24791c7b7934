import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createConsoleServices } from './app/console-services';
import { loadRuntimeConfig } from './config/runtime-config';
import { loadLocale, storedLocale } from './i18n';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

// A remembered English choice is loaded with the configuration, so the first render is in it.
Promise.all([loadRuntimeConfig(), loadLocale(storedLocale()).catch(() => undefined)]).then(
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
