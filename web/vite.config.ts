import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `domain/` is pure (ARCHITECTURE.md, architecture.test.ts): importing a module there does nothing but define
 * values. Saying so lets the bundler drop what a chunk does not use — without it, a role list read by the
 * sign-in page brought every domain module behind `reference/domain.ts` and zod with them (issue 15).
 */
function pureDomainModules(): Plugin {
  const domain = /[\\/]domain[\\/][^\\]*\.ts$/;
  return {
    name: 'anze-pure-domain',
    transform(code, id) {
      if (!domain.test(id) || id.includes('node_modules')) return undefined;
      return { code, map: null, moduleSideEffects: false };
    },
  };
}

/**
 * The console's build. Root is `web/` wherever Vite is started from
 * (`npx vite build --config web/vite.config.ts` from the repository root).
 *
 * Chunks (Vite 8 / rolldown `codeSplitting.groups`, highest priority wins): react and the router change
 * least and are shared by every page, echarts only loads with the dashboards that import it; antd and the
 * rest are split by rolldown along the lazy imports: the sign-in page (src/app/router.tsx), the console
 * shell (src/app/console-shell-routes.tsx) and each page (src/navigation/console-routes.tsx).
 *
 * `npx vite --config web/vite.config.ts` serves the sources with HMR and proxies the API and
 * `/config.json` to a running `npm start` (ANZE_API_ORIGIN, default http://127.0.0.1:3000).
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiOrigin = process.env.ANZE_API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), pureDomainModules()],
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
            // No group for antd, the kit or other packages (issue 15, first visit): one antd chunk put all of
            // antd (1 MB) before the sign-in page; left to rolldown, each component lands with the pages using it.
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
