import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/, builds to dist/web, and imports the shared contracts through the package
// "imports" map (#contracts/*), which Vite resolves like Node does.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
