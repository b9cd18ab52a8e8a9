import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/, builds to dist/web, and imports the shared contracts through the package
// "imports" map (#contracts/*), which Vite resolves like Node does. Libraries and contracts go to one "vendor"
// chunk that changes rarely (browser cache survives app releases); feature pages load on first visit.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules|[\\/]contracts[\\/]/ },
            { name: 'i18n', test: /[\\/]src[\\/]i18n[\\/]/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
