import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { stylesheetsAfterLoadingScreen } from './scripts/loading-screen.ts';
import { precompress } from './scripts/precompress.ts';
import { serviceWorker } from './scripts/service-worker.ts';
import { zodJsonSchemaServerOnly } from './scripts/server-only.ts';
import { staticLoginForm } from './scripts/static-login.ts';

// The web app lives in web/, builds to dist/web, and imports the shared contracts through the package
// "imports" map (#contracts/*), which Vite resolves like Node does. Libraries go to one "vendor" chunk that
// changes rarely (browser cache survives app releases); the contracts go with the pages that call them, so the
// login page loads the auth contracts only; feature pages load on first visit. zod's JSON-Schema generator is
// server-only (web/scripts/server-only.ts). index.html's loading screen and HTML login form are written from the
// catalogue (web/scripts/static-login.ts). The stylesheets go after them
// (web/scripts/loading-screen.ts). sw.js, the service worker of the offline forms, is written from the build's
// file list (web/scripts/service-worker.ts). Every text file gets .br and .gz copies for the server. Strings:
// the Vietnamese catalogues (i18n/ and the features' messages.vi.ts) form the "i18n" chunk of the first load,
// except the large ones fetched with their pages (programmes, report configuration, emulation, surveys,
// grassroots, training, sentiment, the organisation forms: app/feature.ts);
// the English ones (every messages.en.ts, reached only by import()) form one "messages-en" chunk, fetched when
// English is chosen by i18n/en.ts. en.ts stays a tiny chunk of its own: a group also captures the imports of
// its modules, and en.ts imports the feature registry (the whole app).
export default defineConfig({
  root: 'web',
  plugins: [react(), staticLoginForm(), zodJsonSchemaServerOnly(), stylesheetsAfterLoadingScreen(), serviceWorker(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/ },
            { name: 'messages-en', test: /[\\/]messages\.en\.ts$/, priority: 2 },
            // the Vietnamese catalogues fetched with their pages (features/<f>/index.ts gives them to lazyPage) stay out
            { name: 'i18n', test: /[\\/]src[\\/]i18n[\\/](?!en\.ts$)|^(?!.*[\\/]features[\\/](?:programmes|indicator-config|emulation|surveys|surveys-public|grassroots|training|sentiment|organizations[\\/]forms)[\\/]).*[\\/]messages\.vi\.ts$/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
