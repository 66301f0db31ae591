// ESLint: typescript-eslint's recommended rules, the rules of hooks for the web,
// and the dependency rule of docs/architecture.md enforced by
// eslint-plugin-boundaries. Import cycles between server features are checked
// by scripts/check-feature-cycles.mjs (`npm run lint` runs both).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers. A file belongs to the first element whose pattern matches its path.
const elements = [
  // Composition roots wire everything together and may import anything.
  { type: 'root', pattern: ['src/server/cli', 'src/server/test'], partialMatch: false },
  // Infrastructure every feature uses: db, access, response cache, operations,
  // backup, workers, formats, errors, request context.
  { type: 'platform', pattern: ['src/server/platform', 'src/server/lib', 'src/server/db'], partialMatch: false },
  { type: 'feature', pattern: 'src/server/features/*', partialMatch: false, capture: ['feature'] },
  // The files directly in src/server: config.ts (platform) and the entry points
  // (the `composition` category below).
  { type: 'server', pattern: 'src/server', partialMatch: false },
  { type: 'shared', pattern: 'src/shared', partialMatch: false },
  { type: 'catalog', pattern: 'src/catalog', partialMatch: false },
  { type: 'web', pattern: 'src/web', partialMatch: false },
];

const files = [
  // lib/worker-tasks.ts: its place until it moves to src/server/worker-tasks.ts.
  { category: 'composition', pattern: ['src/server/{app,server,cli,worker-tasks}.ts', 'src/server/lib/worker-tasks.ts'] },
  { category: 'server-library', pattern: 'src/server/{config,errors,context}.ts' },
  { category: 'repo', pattern: '**/*.{repo,repository}.ts' },
];

const to = (...types) => ({ to: { element: { types } } });
// config.ts (and, until they move to platform/, errors.ts and context.ts).
const serverLibrary = { element: { type: 'server' }, file: { categories: 'server-library' } };
// Evaluated in order; the last policy that matches an import decides.
const policies = [
  // Packages and Node's own modules: the layers decide, not this rule.
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  { from: [{ element: { type: 'root' } }, { file: { categories: 'composition' } }], allow: { to: { element: { types: '*' } } } },
  { from: [{ element: { type: 'platform' } }, serverLibrary], allow: [to('platform', 'shared', 'catalog'), { to: serverLibrary }] },
  { from: { element: { type: 'feature' } }, allow: [to('platform', 'shared', 'catalog', 'feature'), { to: serverLibrary }] },
  // Decision 001: a feature reaches another feature through its service, never its repo.
  {
    from: { element: { type: 'feature' } },
    disallow: {
      to: {
        element: { type: 'feature', captured: { feature: '!{{ from.element.captured.feature }}' } },
        file: { categories: 'repo' },
      },
    },
    message: 'A feature reaches another feature through its service, never its repo (decision 001)',
  },
  { from: { element: { type: 'shared' } }, allow: to('shared') },
  { from: { element: { type: 'catalog' } }, allow: to('catalog', 'shared') },
  { from: { element: { type: 'web' } }, allow: to('web', 'shared', 'catalog') },
];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'tmp/**', 'src/server/platform/db/migrations/**', 'src/server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are errors, but `_`-prefixed ones and rest siblings say «on purpose».
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Samla removes control characters on purpose (iCalendar, file names, OIDC error text).
      'no-control-regex': 'off',
      // A `let` assigned once, but read earlier by the closures of a shutdown handler, cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // Only the classic rules of hooks: Samla does not use the React Compiler, whose
    // rules (in `recommended`) took 70 % of the lint time and flag patterns the web
    // uses on purpose (latest-value refs, local state reset on navigation).
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/**/*.{ts,tsx,mts,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/legacy-templates': false,
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
      'boundaries/no-unknown-files': 'error',
    },
  },
  // Tests and their helpers may reach into anything they test.
  {
    files: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/server/test/**'],
    rules: {
      'boundaries/dependencies': 'off',
      // Tests poke at loosely typed internals (child processes, raw rows).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
