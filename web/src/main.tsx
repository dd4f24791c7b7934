import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createConsoleServices } from './app/console-services';
import { loadRuntimeConfig } from './config/runtime-config';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

loadRuntimeConfig().then(
  (config) => {
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
