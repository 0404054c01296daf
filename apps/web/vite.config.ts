import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API (apps/api, port 3000 by default) serves the data; production builds are served
// by the API itself from dist/.
const api = `http://127.0.0.1:${process.env.SPREADWATCH_API_PORT ?? '3000'}`;

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(['/api', '/docs', '/healthz', '/readyz'].map((prefix) => [prefix, api])),
  },
  // Recharts and React make one ~190 kB gzipped chunk; splitting it would not make the first render faster.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 800 },
});
