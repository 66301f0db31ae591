#!/usr/bin/env node
// The server as one ES module in dist/server, for `npm start`: loading ~200
// TypeScript files through tsx's loader costs about a second on every start,
// the bundle (npm packages stay outside, loaded from node_modules) does not.
// `npm run dev`, the tests and the CLI still run the sources through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = path.join(root, 'dist/server/server.mjs');
const sourceFolders = ['src/server', 'src/shared', 'src/catalog'].map((folder) => path.join(root, folder));

function newestSourceTime() {
  let newest = fs.statSync(path.join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  sourceFolders.forEach(walk);
  return newest;
}

/** True when a source file changed after the bundle was built (or there is none). */
export function serverBundleIsStale() {
  return !fs.existsSync(serverBundle) || fs.statSync(serverBundle).mtimeMs < newestSourceTime();
}

export async function buildServer() {
  const { build } = await import('esbuild');
  const outDir = path.dirname(serverBundle);
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, 'src/server/server.ts')],
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    // What the sources import with import() (the PostgreSQL driver when
    // DATABASE_URL is set) goes into chunks loaded only then: without
    // splitting, esbuild would hoist their packages' imports into the bundle.
    // Chunks sit beside server.mjs, so import.meta.url-relative paths (the
    // migrations folder) stay right whichever file ends up holding the code.
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // The migrator reads its SQL files from a folder next to itself (db/migrate.ts).
  fs.cpSync(path.join(root, 'src/server/db/migrations'), path.join(outDir, 'migrations'), { recursive: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildServer();
  console.log(`bygget ${path.relative(root, serverBundle)}`);
}
