import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
const serverOrigin = process.env.LIGHTBOX_SERVER_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: clientRoot,
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: {
      '/graphql': { target: serverOrigin, ws: true },
      '/healthz': { target: serverOrigin },
      '/dicomweb': { target: serverOrigin },
      '/auth': { target: serverOrigin },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: serverOrigin, ws: true },
      '/healthz': { target: serverOrigin },
      '/dicomweb': { target: serverOrigin },
      '/auth': { target: serverOrigin },
    },
  },
});
