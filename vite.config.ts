import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The web app: index.html at the repo root, sources in src/web, output in
// dist/web (the server serves that folder when it exists).
// `npx vite` proxies /api to a running server (SAMLA_API_URL, default :3100).
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Writes a .br and a .gz next to every text asset, so the server sends the
 * compressed file (@fastify/static `preCompressed`) without compressing on
 * each request: the initial JS is ~480 kB raw and ~150 kB gzipped.
 */
function precompress(): Plugin {
  return {
    name: 'samla-precompress',
    apply: 'build',
    closeBundle() {
      const outDir = fromRoot('./dist/web');
      const walk = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
      for (const file of walk(outDir).filter((name) => /\.(js|css|html|svg|json)$/.test(name))) {
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
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
      output: {
        codeSplitting: {
          // Small modules shared by a few pages (a table, a tag, breadcrumbs) were chunks of
          // their own, and a page's chunk then needed up to eight more round trips, six at a
          // time over HTTP/1.1. Copied into the pages instead; Rolldown's runtime keeps one
          // instance of each module however many copies load.
          experimentalInlineCommonChunks: { maxSize: 16_000 },
        },
      },
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
