import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console's build. Root is `web/` wherever Vite is started from
 * (`npx vite build --config web/vite.config.ts` from the repository root).
 *
 * Chunks (Vite 8 / rolldown `codeSplitting.groups`, highest priority wins): react and the router change
 * least and are shared by every page, antd is the bulk, echarts only loads with the dashboards that
 * import it; each page is its own lazy chunk (see src/navigation/console-routes.tsx).
 *
 * `npx vite --config web/vite.config.ts` serves the sources with HMR and proxies the API and
 * `/config.json` to a running `npm start` (ANZE_API_ORIGIN, default http://127.0.0.1:3000).
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiOrigin = process.env.ANZE_API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|@babel[\\/]runtime|dayjs|@emotion|stylis|clsx|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mq|string-convert|is-mobile|react-is)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
            // The console's own shared code (API client, catalogues, kit) under one readable name.
            { name: 'console', test: /[\\/]web[\\/]src[\\/](api|auth|config|i18n|kit|reference)[\\/]/, priority: 5 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiOrigin,
      '/config.json': apiOrigin,
    },
  },
});
