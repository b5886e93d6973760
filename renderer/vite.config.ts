import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the engine (`exnode serve`) and, in the desktop app, loaded from it too.
export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:7420', '/healthz': 'http://127.0.0.1:7420' },
  },
});
