import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev:web` serves the UI with hot reload and passes API calls to a running
// `sanctrace serve` (SANCTRACE_API, default http://127.0.0.1:8000).
const api = process.env.SANCTRACE_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  root: here,
  base: '/ui/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '^/(?!ui/|@|src/|node_modules/).*': { target: api, changeOrigin: true } },
  },
});
