#!/usr/bin/env node
// The server as ES modules in dist/server (server.mjs and the chunks it loads),
// for `npm start`: loading ~200 TypeScript files through tsx's loader costs
// about a second on every start, the bundle does not. `npm run dev`, the tests
// and the CLI still run the sources through tsx.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = path.join(root, 'dist/server/server.mjs');
const sourceFolders = ['src/server', 'src/shared', 'src/catalog'].map((folder) => path.join(root, folder));

function newestSourceTime() {
  // package-lock.json too: the bundle holds the packages every start loads.
  let newest = Math.max(...['package.json', 'package-lock.json'].map((file) => fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? 0));
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

// The npm packages every start loads are bundled into the server: Node
// resolving, reading and compiling their many small files one by one took
// about a third of a second of every start; from the bundle it is one file.
// Their own dependencies come along, except those listed under `keepOutside`.
// Everything else (PGlite, which finds its WebAssembly next to its code, the
// native argon2, the PostgreSQL driver, exceljs, pdfkit, openid-client, all
// loaded on demand) stays in node_modules, as do new dependencies until they
// are added here.
const bundledPackages = [
  'fastify',
  'fastify-plugin',
  'fastify-type-provider-zod',
  '@fastify/cookie',
  'helmet',
  '@fastify/static',
  'drizzle-orm',
  'prom-client',
  'zod',
];
// pino starts its log transport (pino-pretty, in a terminal) from a file next
// to its own code, which a bundle does not have.
const keepOutside = ['pino', 'thread-stream', 'pino-pretty'];

const dependencies = new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies));
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const builtins = new Set(builtinModules);

const choosePackagesToBundle = {
  name: 'choose-packages-to-bundle',
  setup(build) {
    build.onResolve({ filter: /^[^./#]/ }, ({ path: specifier, importer }) => {
      if (specifier.startsWith('node:') || builtins.has(specifier) || builtins.has(packageName(specifier))) return undefined;
      const name = packageName(specifier);
      // A dependency of Samla's own is bundled only when listed, whoever imports
      // it (drizzle-orm imports PGlite and pg); a package's own dependency comes
      // along with it.
      const fromPackage = importer.includes(`${path.sep}node_modules${path.sep}`);
      const bundled = dependencies.has(name) ? bundledPackages.includes(name) : fromPackage && !keepOutside.includes(name);
      return bundled ? undefined : { path: specifier, external: true };
    });
  },
};

export async function buildServer() {
  const { build } = await import('esbuild');
  const outDir = path.dirname(serverBundle);
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    // The worker threads' tasks (src/server/platform/workers/worker-pool.ts) as worker-tasks.mjs
    // beside server.mjs: the pool loads it by a path relative to its own code.
    entryPoints: { server: path.join(root, 'src/server/server.ts'), 'worker-tasks': path.join(root, 'src/server/worker-tasks.ts') },
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
    target: 'node22',
    plugins: [choosePackagesToBundle],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __samlaCreateRequire } from 'node:module'; const require = __samlaCreateRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
  // A bundled package that finds files by its own location would look next to
  // the bundle instead, and an ES module has no __dirname: fail here, not at
  // the first request that reaches that code.
  for (const file of fs.readdirSync(outDir).filter((name) => name.endsWith('.mjs'))) {
    const uses = /\b__(dirname|filename)\b/.exec(fs.readFileSync(path.join(outDir, file), 'utf8'));
    if (uses) {
      // No half-right bundle left behind for `npm start` to take as up to date.
      fs.rmSync(outDir, { recursive: true, force: true });
      throw new Error(`${file} uses ${uses[0]}: keep the package that does outside the bundle (keepOutside in scripts/build-server.mjs)`);
    }
  }
  // The migrator reads its SQL files from a folder next to itself (db/migrate.ts).
  fs.cpSync(path.join(root, 'src/server/platform/db/migrations'), path.join(outDir, 'migrations'), { recursive: true });
  // The password policy reads its list of common passwords from beside itself (auth/password-policy.ts).
  fs.copyFileSync(path.join(root, 'src/server/features/auth/common-passwords.txt'), path.join(outDir, 'common-passwords.txt'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildServer();
  console.log(`bygget ${path.relative(root, serverBundle)}`);
}
