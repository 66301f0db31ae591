import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: index.html at the repo root, sources in src/web, output in
// dist/web (the server serves that folder when it exists).
// `npx vite` proxies /api to a running server (SAMLA_API_URL, default :3100).
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The same map as package.json "imports", so `#web/...` works in Vite too.
    alias: [
      { find: /^#web\/(.*)$/, replacement: fromRoot('./src/web/$1') },
      { find: /^#shared\/(.*)$/, replacement: fromRoot('./src/shared/$1') },
      { find: /^#catalog\/(.*)$/, replacement: fromRoot('./src/catalog/$1') },
    ],
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // @digdir/designsystemet-react declares no `sideEffects`, so every component (and the
        // floating-ui and virtual-list code behind the ones we do not use) would be bundled.
        // Its modules only define components; the custom elements they need register in
        // @digdir/designsystemet-web, which keeps its side effects.
        moduleSideEffects: (id) => !id.includes('/@digdir/designsystemet-react/'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.SAMLA_API_URL ?? 'http://localhost:3100', changeOrigin: true } },
  },
  preview: {
    proxy: { '/api': { target: process.env.SAMLA_API_URL ?? 'http://localhost:3100', changeOrigin: true } },
  },
});
