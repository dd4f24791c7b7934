import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigErrorScreen } from './app/ConfigErrorScreen';
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
  (error: unknown) => {
    console.warn('anze: /config.json could not be loaded', error);
    root.render(<ConfigErrorScreen />);
  },
);
